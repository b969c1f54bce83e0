package io.benchsuite.report;

import io.benchsuite.config.ServiceLevelObjectives;
import io.benchsuite.stats.Thresholds;
import java.util.Optional;

/**
 * What the report step needs besides the raw results.
 *
 * @param speedThreshold          per-request tokens/s a level must reach to count as fast enough
 * @param kvCacheThreshold        KV-cache usage (0-1) from which the cache counts as full
 * @param minNumberOfValidQueries a raw file with fewer valid queries is left out, as in the original
 * @param gpuName                 shown in the title and parameters.json; falls back to the raw parameters
 * @param modelName               display name overriding the one recorded in the raw parameters
 * @param slo                     the service-level objectives whose capacity and goodput to report; empty for none
 */
public record ReportSettings(
        double speedThreshold,
        double kvCacheThreshold,
        int minNumberOfValidQueries,
        Optional<String> gpuName,
        Optional<String> modelName,
        Optional<ServiceLevelObjectives> slo) {

    /** The original tool's minimum number of valid queries per file. */
    public static final int DEFAULT_MIN_NUMBER_OF_VALID_QUERIES = 50;

    /** Settings without service-level objectives. */
    public ReportSettings(
            double speedThreshold,
            double kvCacheThreshold,
            int minNumberOfValidQueries,
            Optional<String> gpuName,
            Optional<String> modelName) {
        this(speedThreshold, kvCacheThreshold, minNumberOfValidQueries, gpuName, modelName, Optional.empty());
    }

    public ReportSettings {
        if (!(speedThreshold >= 0)) {
            throw new IllegalArgumentException("speed-threshold must be at least 0: " + speedThreshold);
        }
        if (!(kvCacheThreshold > 0 && kvCacheThreshold <= 1)) {
            throw new IllegalArgumentException("kv-cache-threshold must be within (0, 1]: " + kvCacheThreshold);
        }
        if (minNumberOfValidQueries < 0) {
            throw new IllegalArgumentException(
                    "min-number-of-valid-queries must be at least 0: " + minNumberOfValidQueries);
        }
        gpuName = gpuName.filter(name -> !name.isBlank());
        modelName = modelName.filter(name -> !name.isBlank());
    }

    public static ReportSettings defaults() {
        return new ReportSettings(
                Thresholds.DEFAULT_SPEED_THRESHOLD,
                Thresholds.DEFAULT_KV_CACHE_THRESHOLD,
                DEFAULT_MIN_NUMBER_OF_VALID_QUERIES,
                Optional.empty(),
                Optional.empty());
    }
}
