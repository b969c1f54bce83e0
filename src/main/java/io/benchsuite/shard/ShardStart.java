package io.benchsuite.shard;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/**
 * The barrier's outcome, written by shard 0 once every shard is ready or the wait timed out
 * ({@code benchmarks/NNNN/start.json}).
 *
 * @param startEpochSeconds the wall-clock instant at which every taking part sends its first request
 * @param shards            the shards that were ready and take part
 * @param missing           shard number to why it does not (not ready within shard-timeout)
 */
@RegisterForReflection
public record ShardStart(
        @JsonProperty("start_epoch_seconds") double startEpochSeconds,
        @JsonProperty("shards") List<Integer> shards,
        @JsonProperty("missing") Map<String, String> missing) {}
