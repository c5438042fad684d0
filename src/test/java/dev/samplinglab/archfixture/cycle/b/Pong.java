package dev.samplinglab.archfixture.cycle.b;

import dev.samplinglab.archfixture.cycle.a.Ping;

/** ... and b uses a. */
public final class Pong {
    public int pong(Ping ping) {
        return ping.hashCode();
    }
}
