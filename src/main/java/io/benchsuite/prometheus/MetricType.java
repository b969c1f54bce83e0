package io.benchsuite.prometheus;

import java.util.Locale;
import java.util.Optional;

/**
 * Metric family types of the classic text format, plus the OpenMetrics ones. The OpenMetrics-only types are
 * kept (not folded into UNTYPED) so a caller can tell an info metric from a plain gauge.
 */
public enum MetricType {
    COUNTER,
    GAUGE,
    HISTOGRAM,
    SUMMARY,
    UNTYPED,
    /** OpenMetrics' name for untyped. */
    UNKNOWN,
    INFO,
    STATESET,
    GAUGEHISTOGRAM;

    /** The type named by a {@code # TYPE} line, case-insensitive; empty for a word that names no type. */
    public static Optional<MetricType> fromKeyword(String keyword) {
        switch (keyword.toLowerCase(Locale.ROOT)) {
            case "counter":
                return Optional.of(COUNTER);
            case "gauge":
                return Optional.of(GAUGE);
            case "histogram":
                return Optional.of(HISTOGRAM);
            case "summary":
                return Optional.of(SUMMARY);
            case "untyped":
                return Optional.of(UNTYPED);
            case "unknown":
                return Optional.of(UNKNOWN);
            case "info":
                return Optional.of(INFO);
            case "stateset":
                return Optional.of(STATESET);
            case "gaugehistogram":
                return Optional.of(GAUGEHISTOGRAM);
            default:
                return Optional.empty();
        }
    }

    /**
     * Whether a sample called {@code familyName + suffix} belongs to a family of this type. This is how
     * {@code x_bucket}, {@code x_sum}, {@code x_count} end up under histogram {@code x}, and how the
     * OpenMetrics counter {@code foo} owns {@code foo_total} and {@code foo_created}.
     */
    boolean ownsSuffix(String suffix) {
        switch (this) {
            case COUNTER:
                return suffix.equals("_total") || suffix.equals("_created");
            case HISTOGRAM:
                return suffix.equals("_bucket")
                        || suffix.equals("_sum")
                        || suffix.equals("_count")
                        || suffix.equals("_created");
            case SUMMARY:
                return suffix.equals("_sum") || suffix.equals("_count") || suffix.equals("_created");
            case GAUGEHISTOGRAM:
                return suffix.equals("_bucket") || suffix.equals("_gsum") || suffix.equals("_gcount");
            case INFO:
                return suffix.equals("_info");
            default:
                return false;
        }
    }

    /** Whether OpenMetrics gives families of this type a {@code _created} sample. */
    boolean hasCreatedSamples() {
        return this == COUNTER || this == HISTOGRAM || this == SUMMARY;
    }
}
