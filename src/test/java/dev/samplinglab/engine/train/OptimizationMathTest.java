package dev.samplinglab.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptimizationMathTest {

    @Test
    void warmupIsLinearThenCosineReachesTheFloor() {
        LearningRateSchedule s = new LearningRateSchedule(1.0, 0.1, 4, 14);
        assertThat(s.at(0)).isCloseTo(0.25, within(1e-12));
        assertThat(s.at(3)).isCloseTo(1.0, within(1e-12));
        assertThat(s.at(4)).isCloseTo(1.0, within(1e-12)); // cosine starts at the peak
        assertThat(s.at(9)).isCloseTo(0.55, within(1e-12)); // halfway: floor + (peak-floor)/2
        assertThat(s.at(14)).isCloseTo(0.1, within(1e-12));
        assertThat(s.at(100)).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void adamWFirstStepsMatchHandComputation() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray decayed = m.create(new float[] {1f, -2f});
            NDArray bias = m.create(new float[] {0.5f});
            decayed.setRequiresGradient(true);
            bias.setRequiresGradient(true);
            AdamW adam =
                    new AdamW(List.of(decayed, bias), new boolean[] {true, false}, 0.9, 0.999, 0.1);
            // loss = 0.5 * sum(decayed) + 3 * bias: gradients 0.5, 0.5 and 3
            backward(decayed, bias);
            adam.step(0.1);
            // step 1: m_hat = g, v_hat = g^2, so the update is lr * sign(g) (eps aside);
            // decoupled decay multiplies by 1 - lr * wd = 0.99 first
            assertThat(decayed.toFloatArray()[0]).isCloseTo(0.99f - 0.1f, within(1e-5f));
            assertThat(decayed.toFloatArray()[1]).isCloseTo(-1.98f - 0.1f, within(1e-5f));
            assertThat(bias.toFloatArray()[0]).isCloseTo(0.4f, within(1e-5f));
            // step 2 with the same gradients: m_hat and v_hat still give lr * sign(g)
            decayed.getGradient().muli(0);
            bias.getGradient().muli(0);
            backward(decayed, bias);
            adam.step(0.1);
            assertThat(bias.toFloatArray()[0]).isCloseTo(0.3f, within(1e-5f));
            assertThat(decayed.toFloatArray()[0]).isCloseTo(0.89f * 0.99f - 0.1f, within(1e-5f));
            assertThat(adam.updates()).isEqualTo(2);
        }
    }

    private static void backward(NDArray decayed, NDArray bias) {
        try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
            c.backward(decayed.sum().mul(0.5f).add(bias.sum().mul(3f)));
        }
    }
}
