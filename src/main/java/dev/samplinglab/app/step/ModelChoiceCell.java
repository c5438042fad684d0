package dev.samplinglab.app.step;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * A picker row: the model's name with its detail (family, size, dtype) underneath; section headers
 * in bold; models the app cannot open greyed and not selectable, their reason as the detail.
 */
final class ModelChoiceCell extends ListCell<ModelChoice> {
    private final Label name = new Label();
    private final Label detail = new Label();
    private final VBox box = new VBox(1, name, detail);

    ModelChoiceCell() {
        detail.getStyleClass().add("model-detail");
        detail.setStyle("-fx-font-size: 0.85em; -fx-opacity: 0.75;");
    }

    @Override
    protected void updateItem(ModelChoice item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().removeAll("model-header", "model-unavailable");
        if (empty || item == null) {
            setGraphic(null);
            setText(null);
            setTooltip(null);
            setDisable(false);
            return;
        }
        setText(null);
        name.setText(item.label());
        name.setStyle(item.isHeader() ? "-fx-font-weight: bold;" : "");
        detail.setText(item.detail());
        detail.setVisible(!item.detail().isEmpty());
        detail.setManaged(!item.detail().isEmpty());
        setGraphic(box);
        setDisable(!item.enabled());
        setOpacity(item.enabled() || item.isHeader() ? 1 : 0.55);
        if (item.isHeader() || !item.enabled()) {
            getStyleClass().add(item.isHeader() ? "model-header" : "model-unavailable");
        }
        setTooltip(item.detail().isEmpty() ? null : new Tooltip(item.detail()));
    }
}
