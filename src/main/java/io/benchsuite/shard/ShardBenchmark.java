package io.benchsuite.shard;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.benchsuite.results.BenchmarkKind;
import io.benchsuite.schedule.QueryProfile;
import io.benchsuite.schedule.StopRule;
import io.benchsuite.suite.BenchmarkSpec;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * One benchmark as shard 0 publishes it in the shared folder ({@code benchmarks/NNNN/benchmark.json}): the
 * whole benchmark (not a share: each shard computes its own with {@link ShardShare}), the seed its prompts
 * are drawn from, and which shards take part.
 *
 * @param sequence      1, 2, ... in the order shard 0 runs them
 * @param fileName      the raw result's file name (the original tool's names)
 * @param kind          prompt ingestion and KV-cache profile run on shard 0 alone
 * @param requestRate   requests per second, or null for infinity (JSON has no infinity)
 * @param promptSeed    the seed of shard 0's prompts; shard i mixes in its number ({@link ShardShare#promptSeed})
 * @param shards        the shards that run a share
 * @param shardCount    the run's shard-count
 */
@RegisterForReflection
public record ShardBenchmark(
        @JsonProperty("sequence") int sequence,
        @JsonProperty("file_name") String fileName,
        @JsonProperty("kind") BenchmarkKind kind,
        @JsonProperty("profile") QueryProfile profile,
        @JsonProperty("prompt_length") int promptLength,
        @JsonProperty("output_length") int outputLength,
        @JsonProperty("requests_in_flight") int requestsInFlight,
        @JsonProperty("request_rate") Double requestRate,
        @JsonProperty("max_duration") double maxDuration,
        @JsonProperty("min_duration") double minDuration,
        @JsonProperty("target_queries") int targetQueries,
        @JsonProperty("query_metrics") boolean queryMetrics,
        @JsonProperty("with_kv_cache_profile") boolean withKvCacheProfile,
        @JsonProperty("prompt_seed") long promptSeed,
        @JsonProperty("shards") List<Integer> shards,
        @JsonProperty("shard_count") int shardCount) {

    public static ShardBenchmark of(
            int sequence,
            String fileName,
            BenchmarkKind kind,
            BenchmarkSpec spec,
            long promptSeed,
            List<Integer> shards,
            int shardCount) {
        return new ShardBenchmark(
                sequence,
                fileName,
                kind,
                spec.profile(),
                spec.promptLength(),
                spec.outputLength(),
                spec.requestsInFlight(),
                Double.isInfinite(spec.requestRate()) ? null : spec.requestRate(),
                spec.stopRule().maxDurationSeconds(),
                spec.stopRule().minDurationSeconds(),
                spec.stopRule().targetQueries(),
                spec.queryMetrics(),
                spec.withKvCacheProfile(),
                promptSeed,
                List.copyOf(shards),
                shardCount);
    }

    /** The benchmark as planned, the whole of it. */
    public BenchmarkSpec spec() {
        return new BenchmarkSpec(
                profile,
                promptLength,
                outputLength,
                requestsInFlight,
                requestRate == null ? Double.POSITIVE_INFINITY : requestRate,
                new StopRule(maxDuration, minDuration, targetQueries),
                queryMetrics,
                withKvCacheProfile);
    }
}
