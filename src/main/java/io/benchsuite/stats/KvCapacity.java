package io.benchsuite.stats;

import java.util.List;
import java.util.OptionalLong;

/** How many tokens the server's KV cache holds: exactly when the server says, else estimated as the original did. */
public final class KvCapacity {

    private KvCapacity() {}

    /**
     * The exact capacity, {@code num_gpu_blocks x block_size} (both from vLLM's {@code cache_config_info});
     * empty when either is unknown (not positive).
     */
    public static OptionalLong exactTokens(long numGpuBlocks, long blockSize) {
        return numGpuBlocks > 0 && blockSize > 0 ? OptionalLong.of(numGpuBlocks * blockSize) : OptionalLong.empty();
    }

    /**
     * The original tool's estimate over several profile runs: the median of the per-run estimates, truncated
     * to a whole token count. Empty when no run gives an estimate (the original wrote -1).
     */
    public static OptionalLong estimateTokens(List<KvProfileRun> runs) {
        double[] estimates = runs.stream()
                .map(KvCapacity::estimateTokens)
                .filter(OptionalLong::isPresent)
                .mapToDouble(OptionalLong::getAsLong)
                .toArray();
        return estimates.length == 0 ? OptionalLong.empty() : OptionalLong.of((long) Percentiles.median(estimates));
    }

    /**
     * One run's estimate: at the sample with the highest usage u (the first one on ties), r requests were
     * running; if each holds the run's mean tokens per request, the cache holds {@code mean * r / u} tokens.
     * It overestimates (the requests were not finished at that moment) and ignores block granularity.
     * Empty when the run had no request, no sample, or a peak usage of 0 (the original divided by zero).
     */
    public static OptionalLong estimateTokens(KvProfileRun run) {
        if (run.totalQueries() <= 0) {
            return OptionalLong.empty();
        }
        KvSample peak = null;
        for (KvSample sample : run.samples()) {
            if (peak == null || sample.kvCacheUsage() > peak.kvCacheUsage()) {
                peak = sample;
            }
        }
        if (peak == null || !(peak.kvCacheUsage() > 0)) {
            return OptionalLong.empty();
        }
        double meanTokensPerQuery = (double) (run.ingestedTokens() + run.generatedTokens()) / run.totalQueries();
        return OptionalLong.of((long) (meanTokensPerQuery * peak.requestsRunning() / peak.kvCacheUsage()));
    }
}
