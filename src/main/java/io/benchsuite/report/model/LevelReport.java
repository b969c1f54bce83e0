package io.benchsuite.report.model;

import java.util.Map;
import java.util.Optional;

/**
 * One level of a generation-speed sweep as the report shows it.
 *
 * @param parallelRequests N, the requests kept in flight
 * @param speed            per-request {@code speed_from_beginning} quartiles, tokens/s
 * @param ttftMillis       time-to-first-token quartiles in MILLISECONDS (the raw files hold seconds)
 * @param maxKvCache       highest KV-cache usage, 0-1; negative without server metrics
 * @param totalQueries     every request of the level
 * @param errors           non-successful requests, timeouts included (the original's count)
 * @param timeouts         timed-out requests
 * @param errorsByKind     errors per kind, non-zero counts only
 * @param complete         false when the level was interrupted
 * @param ttfcMillis       time-to-first-content quartiles in MILLISECONDS; empty when not recorded
 * @param lengthMismatches requests that got another output length than asked ({@code output_length_mismatch})
 */
public record LevelReport(
        int parallelRequests,
        Optional<Quartiles> speed,
        Optional<Quartiles> ttftMillis,
        double maxKvCache,
        int totalQueries,
        int errors,
        int timeouts,
        Map<String, Integer> errorsByKind,
        boolean complete,
        Optional<Quartiles> ttfcMillis,
        int lengthMismatches) {

    public LevelReport(
            int parallelRequests,
            Optional<Quartiles> speed,
            Optional<Quartiles> ttftMillis,
            double maxKvCache,
            int totalQueries,
            int errors,
            int timeouts,
            Map<String, Integer> errorsByKind,
            boolean complete) {
        this(
                parallelRequests,
                speed,
                ttftMillis,
                maxKvCache,
                totalQueries,
                errors,
                timeouts,
                errorsByKind,
                complete,
                Optional.empty(),
                0);
    }

    /**
     * Whether the time to first content differs from the time to first token (a reasoning model thinks
     * first), so that both are worth showing.
     */
    public boolean contentComesLater() {
        return ttfcMillis.isPresent() && !ttfcMillis.equals(ttftMillis);
    }

    public LevelReport {
        errorsByKind = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(errorsByKind));
    }

    public boolean hasKvMetrics() {
        return maxKvCache >= 0;
    }
}
