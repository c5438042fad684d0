package dev.samplinglab.app.beam;

import dev.samplinglab.app.widgets.SpinnerInput;
import dev.samplinglab.app.widgets.Switches;
import dev.samplinglab.engine.generate.beam.EarlyStopping;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The strategy switch between sampling and beam search, and the beam settings: beams, length
 * penalty, early stopping, no-repeat n-gram size and the most new tokens.
 */
public final class BeamControls extends VBox {

    public BeamControls(BeamViewModel vm) {
        super(6);
        setId("beam-controls");
        getStyleClass().add("beam-controls");
        setPadding(new Insets(8, 10, 4, 10));
        var on =
                Switches.of(
                        "beam-mode",
                        "Beam search",
                        "Decode with beam search (Hugging Face semantics) instead of sampling:"
                                + " the centre shows the tree of beams",
                        vm.activeProperty());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        Spinner<Integer> beams = intSpinner("beam-count", 2, 16, vm.numBeamsProperty().get());
        beams.valueProperty().addListener((o, a, n) -> vm.numBeamsProperty().set(n));
        Spinner<Double> lp = new Spinner<>(-3.0, 3.0, vm.lengthPenaltyProperty().get(), 0.1);
        lp.setId("length-penalty");
        lp.setEditable(true);
        lp.setPrefWidth(90);
        lp.valueProperty().addListener((o, a, n) -> vm.lengthPenaltyProperty().set(n));
        ChoiceBox<EarlyStopping> es =
                new ChoiceBox<>(FXCollections.observableArrayList(EarlyStopping.values()));
        es.setId("early-stopping");
        es.setValue(vm.earlyStoppingProperty().get());
        es.setConverter(
                new StringConverter<>() {
                    @Override
                    public String toString(EarlyStopping e) {
                        return e == null ? "" : e.label();
                    }

                    @Override
                    public EarlyStopping fromString(String s) {
                        return EarlyStopping.parse(s);
                    }
                });
        es.valueProperty().addListener((o, a, n) -> vm.earlyStoppingProperty().set(n));
        Spinner<Integer> ngram = intSpinner("no-repeat-ngram", 0, 8, 0);
        ngram.valueProperty().addListener((o, a, n) -> vm.noRepeatNgramProperty().set(n));
        Spinner<Integer> max = intSpinner("beam-max-tokens", 1, 256, 40);
        max.valueProperty().addListener((o, a, n) -> vm.maxNewTokensProperty().set(n));
        int r = 0;
        grid.addRow(r++, new Label("Beams"), beams, SpinnerInput.guard(beams));
        grid.addRow(r++, new Label("Length penalty"), lp);
        grid.addRow(r++, new Label("Early stopping"), es);
        grid.addRow(r++, new Label("No-repeat n-gram"), ngram, SpinnerInput.guard(ngram));
        grid.addRow(r, new Label("Max new tokens"), max, SpinnerInput.guard(max));
        grid.visibleProperty().bind(vm.activeProperty());
        grid.managedProperty().bind(vm.activeProperty());
        getChildren().addAll(on, grid);
    }

    private static Spinner<Integer> intSpinner(String id, int min, int max, int value) {
        Spinner<Integer> s = new Spinner<>(min, max, value);
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(90);
        return s;
    }
}
