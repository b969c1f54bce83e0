package io.benchsuite.shard;

import io.benchsuite.schedule.QueryProfile;
import io.benchsuite.schedule.StopRule;
import io.benchsuite.suite.BenchmarkSpec;
import java.util.stream.IntStream;

/**
 * Each shard's share of one benchmark. Pure. A level of N parallel requests is split as evenly as possible,
 * the lowest shard numbers taking one more when N does not divide (10 over 3 shards: 4, 3, 3); when N is
 * below the shard count only the first N shards take part. The target count is split the same way over the
 * shards that take part, and a request rate into equal parts. Every share keeps each request's statistics
 * (individual_query), which the exact merge needs.
 */
public final class ShardShare {

    private ShardShare() {}

    /** @return how many of {@code total} shard {@code index} (0-based) of {@code count} takes, 0 or more */
    public static int split(int total, int count, int index) {
        return total / count + (index < total % count ? 1 : 0);
    }

    /** @return the number of shards taking part: all for a request rate, else at most one per parallel request */
    public static int active(BenchmarkSpec spec, int count) {
        return spec.profile() == QueryProfile.REQUEST_RATE ? count : Math.min(count, spec.requestsInFlight());
    }

    /** @return the shards taking part, 0 to {@link #active} - 1 */
    public static int[] shards(BenchmarkSpec spec, int count) {
        return IntStream.range(0, active(spec, count)).toArray();
    }

    /**
     * @param index a shard taking part (below {@link #active})
     * @return the benchmark shard {@code index} runs: its parallel requests, its part of the target count and
     *         of the request rate, the same durations
     */
    public static BenchmarkSpec of(BenchmarkSpec spec, int count, int index) {
        int active = active(spec, count);
        if (index < 0 || index >= active) {
            throw new IllegalArgumentException("shard " + index + " takes no part in this benchmark");
        }
        int inFlight = spec.profile() == QueryProfile.REQUEST_RATE
                ? spec.requestsInFlight()
                : split(spec.requestsInFlight(), active, index);
        StopRule rule = spec.stopRule();
        StopRule share = new StopRule(
                rule.maxDurationSeconds(),
                rule.minDurationSeconds(),
                rule.targetQueries() == 0 ? 0 : Math.max(1, split(rule.targetQueries(), active, index)));
        return new BenchmarkSpec(
                spec.profile(),
                spec.promptLength(),
                spec.outputLength(),
                Math.max(1, inFlight),
                spec.requestRate() / active, // infinity stays infinity: all at once
                share,
                true,
                spec.withKvCacheProfile());
    }

    /**
     * The seed of shard {@code index}'s prompts (prefix and order) for a benchmark: shard 0 uses the suite's own
     * {@code benchmarkSeed}, so a run of one shard sends what an unsharded run sends; the others mix in their
     * number, so no two shards send the same prompt at once.
     */
    public static long promptSeed(long benchmarkSeed, int index) {
        return index == 0 ? benchmarkSeed : benchmarkSeed ^ (0x9E3779B97F4A7C15L * index);
    }
}
