package io.benchsuite.shard;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.benchsuite.results.RawResult;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What one shard measured for one benchmark ({@code benchmarks/NNNN/shard-I.json}): its raw result, every
 * request included, with its instants already in epoch seconds through the shard's own clock anchor.
 *
 * @param anchorEpochSeconds    the wall-clock reading of the shard's {@code TimeAnchor} (taken when it opened its
 *                              session), mapping its monotonic clock to epoch seconds
 * @param startedEpochSeconds   when the shard began sending, by its own anchor: the spread of these over the
 *                              shards is how far apart their clocks and starts were
 * @param raw                   the shard's raw result (individual_query always kept)
 */
@RegisterForReflection
public record ShardResult(
        @JsonProperty("shard") int shard,
        @JsonProperty("anchor_epoch_seconds") double anchorEpochSeconds,
        @JsonProperty("started_epoch_seconds") double startedEpochSeconds,
        @JsonProperty("raw") RawResult raw) {}
