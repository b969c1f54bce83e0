package io.benchsuite.record;

import java.util.Objects;

/**
 * What a stream said beyond its token timeline: when the first visible content arrived (a reasoning model
 * streams its reasoning first), the reasoning token count and llama.cpp's timings. Kept apart from
 * {@link RequestRecord}'s core fields so that a record built without a stream (tests, the bare reader)
 * needs none of it.
 *
 * @param firstContentNanos {@link System#nanoTime()} of the first arrival with non-empty visible content, or
 *                          {@link #NEVER} when none came (a stream of reasoning only, or no token at all)
 * @param reasoningTokens   {@code usage.completion_tokens_details.reasoning_tokens}, -1 when not given
 * @param timings           llama.cpp's last {@code timings}, or {@link ServerTimings#NONE}
 */
public record StreamDetails(long firstContentNanos, int reasoningTokens, ServerTimings timings) {

    /** The value of {@link #firstContentNanos} when no visible content arrived. */
    public static final long NEVER = Long.MIN_VALUE;

    /** Nothing known beyond the timeline (a record not built from a stream). */
    public static final StreamDetails NONE = new StreamDetails(NEVER, -1, ServerTimings.NONE);

    public StreamDetails {
        Objects.requireNonNull(timings, "timings");
        if (reasoningTokens < -1) {
            throw new IllegalArgumentException("reasoningTokens must be -1 (not reported) or more");
        }
    }

    public boolean hasFirstContent() {
        return firstContentNanos != NEVER;
    }
}
