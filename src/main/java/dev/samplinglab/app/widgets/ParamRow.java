package dev.samplinglab.app.widgets;

import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import javafx.beans.property.Property;
import javafx.geometry.Pos;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * One numeric setting: a label, a slider (optionally on a non-linear scale) and a text field for
 * exact values. Invalid text shows an inline message and keeps the last valid value.
 */
public final class ParamRow extends VBox {
    private final Slider slider = new Slider();
    private final TextField field = new TextField();
    private final Label error = new Label();
    private final ValidationSupport validation = new ValidationSupport();
    private final Property<Number> target;
    private final double min;
    private final double max;
    private final double step;
    private final String format;
    private final DoubleUnaryOperator toSlider;
    private final DoubleUnaryOperator fromSlider;
    private boolean syncing;

    /** Builder-style description of the row's scale. */
    public record Scale(
            double min,
            double max,
            double step,
            String format,
            DoubleUnaryOperator toSlider,
            DoubleUnaryOperator fromSlider) {
        public static Scale linear(double min, double max, double step, String format) {
            return new Scale(min, max, step, format, v -> v, v -> v);
        }
    }

    public ParamRow(String id, String label, String help, Scale scale, Property<Number> target) {
        this.target = target;
        this.min = scale.min();
        this.max = scale.max();
        this.step = scale.step();
        this.format = scale.format();
        this.toSlider = scale.toSlider();
        this.fromSlider = scale.fromSlider();
        getStyleClass().add("param-row");
        setId(id);
        Label name = new Label(label);
        name.getStyleClass().add("param-label");
        slider.setId(id + "-slider");
        slider.setMin(toSlider.applyAsDouble(min));
        slider.setMax(toSlider.applyAsDouble(max));
        slider.setFocusTraversable(false);
        HBox.setHgrow(slider, Priority.ALWAYS);
        field.setId(id + "-field");
        field.setPrefColumnCount(5);
        field.getStyleClass().add("param-field");
        Tooltip tip = new Tooltip(help);
        name.setTooltip(tip);
        slider.setTooltip(tip);
        field.setTooltip(tip);
        error.getStyleClass().add("param-error");
        error.setManaged(false);
        error.setVisible(false);
        HBox row = new HBox(6, name, slider, field);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(row, error);
        wire();
        show(target.getValue().doubleValue());
        // a ControlsFX decoration marks the field while its text is not a value in range
        validation.registerValidator(
                field,
                false,
                (Control c, String text) -> {
                    String problem = problem(text);
                    return ValidationResult.fromErrorIf(c, problem, problem != null);
                });
    }

    /** Why {@code text} is not a value for this row, or null when it is one. */
    private String problem(String text) {
        String t = text == null ? "" : text.strip().replace(',', '.');
        double value;
        try {
            value = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return "not a number: '%s'".formatted(t);
        }
        return value >= min && value <= max
                ? null
                : "must be between %s and %s".formatted(fmt(min), fmt(max));
    }

    private void wire() {
        slider.valueProperty()
                .addListener(
                        (obs, o, n) -> {
                            if (!syncing) {
                                commit(round(fromSlider.applyAsDouble(n.doubleValue())));
                            }
                        });
        target.addListener((obs, o, n) -> show(n.doubleValue()));
        field.setOnAction(e -> commitText());
        field.focusedProperty()
                .addListener(
                        (obs, o, focused) -> {
                            if (!focused) {
                                commitText();
                            }
                        });
    }

    private double round(double v) {
        double r = Math.round(v / step) * step;
        return Math.max(min, Math.min(max, Double.parseDouble(fmt(r))));
    }

    private void commit(double value) {
        clearError();
        target.setValue(value);
        show(target.getValue().doubleValue());
    }

    private void commitText() {
        String problem = problem(field.getText());
        if (problem != null) {
            showError(problem);
            return;
        }
        commit(Double.parseDouble(field.getText().strip().replace(',', '.')));
    }

    private void show(double value) {
        syncing = true;
        try {
            slider.setValue(toSlider.applyAsDouble(value));
            field.setText(fmt(value));
        } finally {
            syncing = false;
        }
    }

    private String fmt(double v) {
        return String.format(Locale.ROOT, format, v);
    }

    private void showError(String message) {
        error.setText("%s; kept %s".formatted(message, fmt(target.getValue().doubleValue())));
        error.setVisible(true);
        error.setManaged(true);
        field.getStyleClass().add("invalid");
    }

    private void clearError() {
        error.setVisible(false);
        error.setManaged(false);
        field.getStyleClass().remove("invalid");
    }

    public Slider slider() {
        return slider;
    }

    public TextField field() {
        return field;
    }

    /** The ControlsFX validation of the text field (decorated while the text is invalid). */
    public ValidationSupport validation() {
        return validation;
    }

    public Label errorLabel() {
        return error;
    }
}
