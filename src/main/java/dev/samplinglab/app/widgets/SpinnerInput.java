package dev.samplinglab.app.widgets;

import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

/**
 * Typed input for an editable integer spinner: text that is not a whole number in range shows an
 * inline message and the last valid value is kept (by default the spinner throws or sets null).
 */
public final class SpinnerInput {
    private SpinnerInput() {}

    /** Guards {@code spinner}; returns the message label to place next to it. */
    public static Label guard(Spinner<Integer> spinner) {
        var factory = (SpinnerValueFactory.IntegerSpinnerValueFactory) spinner.getValueFactory();
        Label error = new Label();
        error.setId(spinner.getId() + "-error");
        error.getStyleClass().add("param-error");
        show(error, "");
        factory.setConverter(
                new StringConverter<>() {
                    @Override
                    public String toString(Integer value) {
                        return value == null ? "" : value.toString();
                    }

                    @Override
                    public Integer fromString(String text) {
                        Integer kept = factory.getValue();
                        try {
                            int v = Integer.parseInt(text.strip());
                            if (v >= factory.getMin() && v <= factory.getMax()) {
                                show(error, "");
                                return v;
                            }
                            show(
                                    error,
                                    "must be between "
                                            + factory.getMin()
                                            + " and "
                                            + factory.getMax()
                                            + "; kept "
                                            + kept);
                        } catch (NumberFormatException e) {
                            show(error, "not a whole number: '" + text.strip() + "'; kept " + kept);
                        }
                        return kept;
                    }
                });
        return error;
    }

    private static void show(Label error, String message) {
        error.setText(message);
        error.setVisible(!message.isEmpty());
        error.setManaged(!message.isEmpty());
    }
}
