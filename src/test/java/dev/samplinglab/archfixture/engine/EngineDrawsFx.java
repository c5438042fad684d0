package dev.samplinglab.archfixture.engine;

import javafx.scene.control.Label;

/** Deliberate violation: the engine uses JavaFX. */
public final class EngineDrawsFx {
    public String text(Label label) {
        return label.getText();
    }
}
