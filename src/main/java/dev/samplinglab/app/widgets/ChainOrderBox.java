package dev.samplinglab.app.widgets;

import dev.samplinglab.engine.sampling.ChainOrder;
import dev.samplinglab.engine.sampling.StageKind;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.VBox;

/**
 * The chain order: a preset (Hugging Face, llama.cpp, vLLM) or a custom order made by dragging the
 * stages in the list. Stages missing from a preset (vLLM has no typical-p) are listed after the
 * order and cannot be used with it.
 */
public final class ChainOrderBox extends VBox {
    private static final String CUSTOM = "custom (drag to reorder)";
    private final StrategyForm form;
    private final ComboBox<String> preset = new ComboBox<>();
    private final ListView<StageKind> list = new ListView<>();
    private boolean syncing;

    public ChainOrderBox(StrategyForm form) {
        this.form = form;
        setSpacing(6);
        setId("chain-order");
        preset.setId("order-preset");
        for (ChainOrder o : ChainOrder.values()) {
            preset.getItems().add(label(o));
        }
        preset.getItems().add(CUSTOM);
        preset.setMaxWidth(Double.MAX_VALUE);
        preset.setTooltip(new Tooltip("Which engine's stage order to follow"));
        preset.valueProperty().addListener((obs, o, n) -> onPreset(n));
        list.setId("order-list");
        list.getStyleClass().add("order-list");
        list.setCellFactory(v -> new StageCell());
        list.setTooltip(new Tooltip("Drag a stage to change the order (makes it custom)"));
        form.orderProperty().addListener((obs, o, n) -> show(n));
        show(form.orderProperty().get());
        getChildren().addAll(new Label("Stages run top to bottom:"), preset, list);
    }

    static String label(ChainOrder o) {
        return switch (o) {
            case HF -> "Hugging Face";
            case LLAMA_CPP -> "llama.cpp";
            case VLLM -> "vLLM";
        };
    }

    private void onPreset(String name) {
        if (syncing || name == null || name.equals(CUSTOM)) {
            return;
        }
        for (ChainOrder o : ChainOrder.values()) {
            if (label(o).equals(name)) {
                form.applyOrder(o);
            }
        }
    }

    private void show(List<StageKind> order) {
        syncing = true;
        try {
            List<StageKind> items = new ArrayList<>(order);
            for (StageKind k : StageKind.values()) {
                if (!items.contains(k)) {
                    items.add(k);
                }
            }
            list.getItems().setAll(items);
            String name = CUSTOM;
            for (ChainOrder o : ChainOrder.values()) {
                if (o.stages().equals(order)) {
                    name = label(o);
                }
            }
            preset.setValue(name);
        } finally {
            syncing = false;
        }
    }

    /** Moves a stage to a new position (what a drop does); the order becomes custom. */
    public void move(StageKind stage, int toIndex) {
        List<StageKind> items = new ArrayList<>(list.getItems());
        items.remove(stage);
        items.add(Math.max(0, Math.min(toIndex, items.size())), stage);
        form.orderProperty().set(List.copyOf(items));
    }

    public ListView<StageKind> list() {
        return list;
    }

    public ComboBox<String> preset() {
        return preset;
    }

    private final class StageCell extends ListCell<StageKind> {
        StageCell() {
            setOnDragDetected(
                    e -> {
                        if (getItem() == null) {
                            return;
                        }
                        Dragboard db = startDragAndDrop(TransferMode.MOVE);
                        ClipboardContent content = new ClipboardContent();
                        content.putString(getItem().name());
                        db.setContent(content);
                        e.consume();
                    });
            setOnDragOver(
                    e -> {
                        if (e.getGestureSource() != this && e.getDragboard().hasString()) {
                            e.acceptTransferModes(TransferMode.MOVE);
                        }
                        e.consume();
                    });
            setOnDragDropped(
                    e -> {
                        boolean done = false;
                        if (e.getDragboard().hasString()) {
                            StageKind dragged = StageKind.valueOf(e.getDragboard().getString());
                            int target = isEmpty() ? list.getItems().size() - 1 : getIndex();
                            move(dragged, target);
                            done = true;
                        }
                        e.setDropCompleted(done);
                        e.consume();
                    });
        }

        @Override
        protected void updateItem(StageKind item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("inactive");
            if (empty || item == null) {
                setText(null);
                return;
            }
            int pos = form.orderProperty().get().indexOf(item);
            setText(
                    (pos < 0 ? "–  " : (pos + 1) + ". ")
                            + item.traceName()
                            + (pos < 0 ? " (not in this order)" : ""));
            if (pos < 0) {
                getStyleClass().add("inactive");
            }
        }
    }
}
