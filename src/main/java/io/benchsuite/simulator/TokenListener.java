package io.benchsuite.simulator;

/**
 * Receives the tokens of one request. Called on the engine's thread, never on an event loop: an
 * implementation that writes to a connection must hand the work to that connection's context.
 */
public interface TokenListener {

    /**
     * @param delta     what this token adds (the last one has a finish reason)
     * @param atNanos   {@link System#nanoTime()} at which the token is due
     */
    void onToken(TokenDelta delta, long atNanos);
}
