package io.benchsuite.simulator;

import java.time.Duration;

/**
 * A server that keeps restarting: it listens for {@code up}, then closes its listening socket (and every
 * connection) for {@code down}, then listens again on the same port, and so on.
 */
public record RestartCycle(Duration up, Duration down) {

    public RestartCycle {
        if (up.isNegative() || up.isZero() || down.isNegative() || down.isZero()) {
            throw new IllegalArgumentException("both durations of a restart cycle must be positive");
        }
    }
}
