package io.benchsuite.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.record.ErrorKind;
import io.benchsuite.record.TokenCountSource;
import io.benchsuite.results.BenchmarkKind;
import io.benchsuite.results.RawResult;
import io.benchsuite.schedule.QueryProfile;
import io.benchsuite.schedule.StopRule;
import io.benchsuite.stats.AggregatedStatistic;
import io.benchsuite.stats.QueryStats;
import io.benchsuite.stats.RunMetrics;
import io.benchsuite.stats.ServerPeaks;
import io.benchsuite.suite.BenchmarkSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The merge on requests with known times to first token: percentiles of all requests, not of the shards'. */
class ShardMergeTest {

    private static final ShardBenchmark LEVEL_5 = ShardBenchmark.of(
            3,
            "gen_speed_input_32_output_16_parallel_requests_5.json",
            BenchmarkKind.GENERATION_SPEED,
            new BenchmarkSpec(
                    QueryProfile.CONSTANT_NUMBER_OF_QUERIES, 32, 16, 5, 0, new StopRule(60, 2, 10), false, false),
            99,
            List.of(0, 1),
            2);

    private static QueryStats query(double start, double ttft, boolean success) {
        return new QueryStats(
                success ? "" : "prompt",
                start,
                start + 1,
                32,
                success ? 16 : 0,
                "",
                1,
                start + ttft,
                ttft,
                List.of(),
                List.of(),
                1 - ttft,
                0.05,
                0,
                16,
                16 / (1 - ttft),
                16,
                success,
                success ? "" : "HTTP 503",
                false,
                16,
                success ? 16 : 0,
                success ? 16 : 0,
                success ? ErrorKind.NONE : ErrorKind.HTTP_STATUS,
                success ? 200 : 503,
                false,
                0,
                TokenCountSource.USAGE,
                null,
                -1,
                Optional.empty(),
                -1);
    }

    private static ShardResult shard(int index, double started, double seconds, ServerPeaks peaks, QueryStats... qs) {
        List<QueryStats> all = List.of(qs);
        RunMetrics m = RunMetrics.of(all, peaks, seconds);
        RawResult raw = new RawResult(
                new java.util.LinkedHashMap<>(Map.of("n_workers", 99, "model", "m")),
                m.general(),
                m.aggregated(),
                all.stream().filter(q -> !q.isValid()).toList(),
                Optional.of(all.stream().filter(QueryStats::isValid).toList()),
                Optional.empty(),
                0,
                true,
                0,
                Optional.empty());
        return new ShardResult(index, started - 5, started, raw);
    }

    @Test
    void everyStatisticComesFromEveryRequestOfEveryShard() {
        ShardResult zero = shard(
                0,
                100.0,
                10,
                new ServerPeaks(0.5, 5, 0),
                query(100.1, 0.1, true),
                query(100.2, 0.2, true),
                query(100.3, 0.3, true));
        ShardResult one = shard(
                1,
                100.25,
                11,
                ServerPeaks.UNAVAILABLE,
                query(100.4, 0.6, true),
                query(100.5, 0.8, true),
                query(100.6, 0, false));

        RawResult merged = ShardMerge.merge(LEVEL_5, List.of(one, zero), Map.of());

        assertEquals(6, merged.general().totalNumberOfQueries());
        assertEquals(1, merged.general().nbErroredQueries());
        assertEquals(1, merged.errored().size());
        // The median of 0.1, 0.2, 0.3, 0.6, 0.8, not the mean of the shards' medians (0.2 and 0.7).
        double median = merged.aggregated()
                .get(AggregatedStatistic.TIME_TO_FIRST_TOKEN)
                .orElseThrow()
                .median();
        assertEquals(0.3, median, 1e-9);
        // From the first shard's start to the last one's end, each by its own anchor.
        assertEquals(11.25, merged.general().actualTotalTime(), 1e-9);
        // The server's peaks are shard 0's, the only one that scrapes.
        assertEquals(0.5, merged.general().maxKvCache(), 1e-12);
        assertEquals(5, merged.parameters().get("n_workers"));
        @SuppressWarnings("unchecked")
        Map<String, Object> shards = (Map<String, Object>) merged.parameters().get("shards");
        assertEquals(List.of(0, 1), shards.get("merged"));
        assertEquals(0.25, (double) shards.get("start_spread_seconds"), 1e-9);
        assertEquals(Map.of("0", 3, "1", 3), shards.get("records"));
        assertTrue(merged.complete());
        assertTrue(merged.individual().isEmpty(), "kept only when the benchmark asked for it");
    }

    @Test
    void aMissingShardIsNamedAndTheLevelIsIncomplete() {
        ShardResult zero = shard(0, 100.0, 10, new ServerPeaks(0.5, 5, 0), query(100.1, 0.1, true));
        RawResult merged = ShardMerge.merge(LEVEL_5, new ArrayList<>(List.of(zero)), Map.of("1", "killed"));
        assertFalse(merged.complete());
        assertEquals(1, merged.general().totalNumberOfQueries());
        @SuppressWarnings("unchecked")
        Map<String, Object> shards = (Map<String, Object>) merged.parameters().get("shards");
        assertEquals(Map.of("1", "killed"), shards.get("missing"));
    }
}
