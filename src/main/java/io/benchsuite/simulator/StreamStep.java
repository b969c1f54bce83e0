package io.benchsuite.simulator;

/**
 * A fault policy's answer for one SSE frame: the text to write (maybe empty, maybe not the frame it was
 * given) and what the stream does next.
 */
public record StreamStep(String write, Then then) {

    public enum Then {
        /** Go on with the next frame (after {@code [DONE]}: end the body, as always). */
        CONTINUE,
        /** End the body cleanly now: the HTTP response is complete, whatever was or was not sent. */
        END,
        /** Close the TCP connection now, in the middle of the chunked body. */
        DROP,
        /** Send nothing more, ever, but keep the connection open until the client leaves. */
        STALL
    }

    public StreamStep {
        java.util.Objects.requireNonNull(write, "write");
        java.util.Objects.requireNonNull(then, "then");
    }

    public static StreamStep write(String frame) {
        return new StreamStep(frame, Then.CONTINUE);
    }
}
