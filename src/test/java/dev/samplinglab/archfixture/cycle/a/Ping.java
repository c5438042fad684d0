package dev.samplinglab.archfixture.cycle.a;

import dev.samplinglab.archfixture.cycle.b.Pong;

/** Deliberate cycle: a uses b ... */
public final class Ping {
    public int ping(Pong pong) {
        return pong.hashCode();
    }
}
