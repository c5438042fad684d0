package dev.samplinglab.engine.model;

/**
 * A forward pass produced NaN or +infinity logits. Not bad input found at load time: either the
 * weights overflow in fp32 or the engine has a bug, so it is reported as an internal error.
 */
public class NonFiniteLogitsException extends IllegalStateException {
    public NonFiniteLogitsException(String message) {
        super(message);
    }
}
