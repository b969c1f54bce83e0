package io.benchsuite.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a request's count of generated tokens came from, best first. Only {@link #USAGE} and
 * {@link #TIMINGS} are the server's own count; {@link #CHUNKS} is the client's estimate (one token per
 * chunk that carried text), which is wrong whenever a server merges tokens into one chunk.
 */
public enum TokenCountSource {
    /** {@code usage.completion_tokens}. */
    USAGE,
    /** llama.cpp's {@code timings.predicted_n}, when the stream carried no usage. */
    TIMINGS,
    /** Counted from the chunks: an estimate. */
    CHUNKS;

    /** The name written in raw results: {@code usage}, {@code timings} or {@code chunks}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The source written as {@code id}; an unknown name reads as {@link #CHUNKS}, the estimate. */
    @JsonCreator
    public static TokenCountSource fromId(String id) {
        for (TokenCountSource source : values()) {
            if (source.id().equals(id)) {
                return source;
            }
        }
        return CHUNKS;
    }
}
