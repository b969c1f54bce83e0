package io.benchsuite.prometheus;

import java.util.Locale;

/**
 * The two text dialects. They differ in ways the parser must know before reading a line: OpenMetrics
 * timestamps are float seconds where the classic format has integer milliseconds.
 */
public enum ExpositionFormat {
    /** {@code text/plain; version=0.0.4} (and 1.0.0), what vLLM serves by default. */
    CLASSIC_TEXT,
    /** {@code application/openmetrics-text}. */
    OPENMETRICS;

    /** The dialect announced by a {@code Content-Type} header; the classic format when absent or unknown. */
    public static ExpositionFormat fromContentType(String contentType) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/openmetrics-text")) {
            return OPENMETRICS;
        }
        return CLASSIC_TEXT;
    }
}
