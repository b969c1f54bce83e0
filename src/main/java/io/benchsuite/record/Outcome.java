package io.benchsuite.record;

/**
 * How a request ended. The original tool counts a timed-out request as "valid" (its tokens so far are used
 * in the statistics) but also as errored, so a timeout is an outcome of its own, not an error kind only.
 */
public enum Outcome {
    /** The stream ended with {@code [DONE]}. */
    SUCCESS,
    /** The per-request timeout fired; the tokens received until then are kept. */
    TIMEOUT,
    /** Anything else; {@link ErrorKind} says what. */
    ERROR
}
