package io.benchsuite.suite;

import io.benchsuite.schedule.PrecisionStop;
import io.benchsuite.schedule.QueryProfile;
import io.benchsuite.schedule.StopRule;
import java.util.Optional;

/**
 * One benchmark: how requests are sent, how long, and what the raw result keeps.
 *
 * @param promptLength 0 for the growing prompts, else the nominal prompt length of the dataset, in tokens
 * @param requestsInFlight requests in flight for the constant profile (n_workers)
 * @param requestRate requests per second for the Poisson profile, infinite for all at once
 * @param queryMetrics keep every request's statistics (individual_query)
 * @param withKvCacheProfile keep every metrics sample (kv_cache_profile)
 * @param precision ends the benchmark early once its median speed is known well enough (the adaptive sweep's
 *                  levels); empty for the stop rule alone
 */
public record BenchmarkSpec(
        QueryProfile profile,
        int promptLength,
        int outputLength,
        int requestsInFlight,
        double requestRate,
        StopRule stopRule,
        boolean queryMetrics,
        boolean withKvCacheProfile,
        Optional<PrecisionStop> precision) {

    /** A benchmark ended by its stop rule alone. */
    public BenchmarkSpec(
            QueryProfile profile,
            int promptLength,
            int outputLength,
            int requestsInFlight,
            double requestRate,
            StopRule stopRule,
            boolean queryMetrics,
            boolean withKvCacheProfile) {
        this(
                profile,
                promptLength,
                outputLength,
                requestsInFlight,
                requestRate,
                stopRule,
                queryMetrics,
                withKvCacheProfile,
                Optional.empty());
    }

    public BenchmarkSpec {
        precision = precision == null ? Optional.empty() : precision;
        if (promptLength < 0) {
            throw new IllegalArgumentException("prompt length must be 0 (growing prompts) or positive");
        }
        if (outputLength < 1) {
            throw new IllegalArgumentException("output length must be at least 1");
        }
        if (requestsInFlight < 1) {
            throw new IllegalArgumentException("the number of parallel requests must be at least 1");
        }
    }

    /** The most requests this benchmark can have in flight with this many prompts; sizes the client's pool. */
    public int maxInFlight(int prompts) {
        return switch (profile) {
            case CONSTANT_NUMBER_OF_QUERIES -> requestsInFlight;
            // Bursts of 1, 2, ... k use k(k+1)/2 prompts, so k stays below sqrt(2 x prompts).
            case GROWING_REQUESTS -> (int) Math.ceil(Math.sqrt(2.0 * prompts)) + 1;
            case REQUEST_RATE -> Math.max(1, prompts);
        };
    }
}
