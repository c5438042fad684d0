package dev.samplinglab.engine.lesson;

import java.util.function.DoubleConsumer;

/**
 * Whether the model a lesson names is here and is the same model: same spec, same weights hashes.
 *
 * @param status same, different weights, or not on this computer
 * @param wanted the lesson's model
 * @param found the model of that spec here (null when missing)
 * @param message one line for the user (empty when the model is the same)
 */
public record ModelMatch(
        Status status, ModelReference wanted, ModelReference found, String message) {

    /** The outcome of the check. */
    public enum Status {
        SAME,
        DIFFERS,
        MISSING
    }

    /**
     * Looks for {@code wanted.spec()} here and hashes its weights (slow for large models; off the
     * UI thread).
     */
    public static ModelMatch check(ModelReference wanted, DoubleConsumer progress) {
        ModelReference found;
        try {
            found = ModelFingerprint.of(wanted.spec(), progress);
        } catch (ModelFingerprint.MissingModelException e) {
            return new ModelMatch(
                    Status.MISSING,
                    wanted,
                    null,
                    "The lesson's model %s is not on this computer: %s. Open its folder or download it to replay the lesson."
                            .formatted(wanted.spec(), e.getMessage()));
        }
        if (found.sameWeights(wanted)) {
            return new ModelMatch(Status.SAME, wanted, found, "");
        }
        return new ModelMatch(
                Status.DIFFERS,
                wanted,
                found,
                "The model %s here is not the one the lesson was made on. Lesson: %s. Here: %s. Replayed on this model, the steps draw other tokens and the charts differ."
                        .formatted(
                                wanted.spec(), wanted.describeWeights(), found.describeWeights()));
    }
}
