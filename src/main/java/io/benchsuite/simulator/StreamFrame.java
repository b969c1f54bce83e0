package io.benchsuite.simulator;

/**
 * One SSE frame the simulator is about to write, as a fault policy sees it.
 *
 * @param kind       what the frame carries
 * @param tokensSent token frames already written before this one
 * @param text       the frame as it would go on the wire ({@code data: ...\n\n})
 */
public record StreamFrame(Kind kind, int tokensSent, String text) {

    public enum Kind {
        /** The first chunk of a chat answer, with the assistant role and no text. */
        ROLE,
        /** A chunk carrying a generated token. */
        TOKEN,
        /** The last chunk with {@code choices: []} and the usage. */
        USAGE,
        /** {@code data: [DONE]}, after which the body ends. */
        DONE
    }
}
