package io.benchsuite.results;

import io.benchsuite.health.ClientHealth;
import io.benchsuite.record.ErrorKind;
import io.benchsuite.record.ServerTimings;
import io.benchsuite.record.TokenCountSource;
import io.benchsuite.stats.AggregatedMetrics;
import io.benchsuite.stats.AggregatedStatistic;
import io.benchsuite.stats.DistributionSummary;
import io.benchsuite.stats.GeneralMetrics;
import io.benchsuite.stats.QueryStats;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Raw results with every field set to a distinct value, for the golden files (bytes written before the format
 * got its own home) and the round-trip test. Values are chosen to survive a JSON round trip exactly (shortest
 * double representations).
 */
final class RawResultFixtures {

    private RawResultFixtures() {}

    /** Every field set, both optional lists present, interrupted ({@code complete} false). */
    static RawResult everyField() {
        return new RawResult(
                parameters(),
                general(),
                aggregated(),
                List.of(erroredQuery()),
                Optional.of(List.of(validQuery(0), validQuery(1))),
                Optional.of(List.of(
                        new KvProfileSample(1764400000.25, 3.0, 1.0, 0.375, 0.0125),
                        new KvProfileSample(1764400000.75, 4.0, null, null, 0.5))),
                2,
                false,
                3,
                Optional.of(new ClientHealth(
                        3,
                        12.5,
                        7.25,
                        0.375,
                        9.5,
                        0.875,
                        1.5,
                        2,
                        6,
                        ClientHealth.DEGRADED,
                        "2 of 6 requests (33.3 %) overlapped a client stall over 5 ms")));
    }

    /** The shape of a run without --query-metrics and without server metrics: no optional list, no statistic. */
    static RawResult minimal() {
        Map<ErrorKind, Integer> byKind = new EnumMap<>(ErrorKind.class);
        for (ErrorKind kind : ErrorKind.values()) {
            if (kind != ErrorKind.NONE) {
                byKind.put(kind, 0);
            }
        }
        GeneralMetrics general = new GeneralMetrics(-1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5, byKind, 0);
        return new RawResult(
                new LinkedHashMap<>(Map.of("model", "m")),
                general,
                new AggregatedMetrics(Map.of()),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                0,
                true,
                0,
                Optional.empty());
    }

    static Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("model", "sim-model");
        parameters.put("query_profile", "constant_number_of_queries");
        parameters.put("prompt_length", "1024");
        parameters.put("output_length", 128);
        parameters.put("n_workers", 4);
        parameters.put("max_duration", 2.5);
        parameters.put("query_metrics", true);
        parameters.put("model_name", null);
        parameters.put("list_value", List.of(1, 2, 3));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("max_num_seqs", 256);
        nested.put("dtype", "bfloat16");
        parameters.put("launch_arguments", nested);
        return parameters;
    }

    static GeneralMetrics general() {
        Map<ErrorKind, Integer> byKind = new EnumMap<>(ErrorKind.class);
        int count = 0;
        for (ErrorKind kind : ErrorKind.values()) {
            if (kind != ErrorKind.NONE) {
                byKind.put(kind, count++);
            }
        }
        return new GeneralMetrics(
                0.875, 12.0, 3.0, 40, 2, 5, 61.25, 55.5, 50.125, 40960L, 5120L, 83.5, 96.25, 92.0, 12.75, byKind, 2);
    }

    static AggregatedMetrics aggregated() {
        Map<AggregatedStatistic, DistributionSummary> byStatistic = new EnumMap<>(AggregatedStatistic.class);
        double base = 0.5;
        for (AggregatedStatistic statistic : AggregatedStatistic.values()) {
            byStatistic.put(
                    statistic,
                    new DistributionSummary(
                            base + 0.01,
                            base + 0.02,
                            base + 0.03,
                            base + 0.04,
                            base + 0.05,
                            base + 0.06,
                            base + 0.07,
                            base + 0.08,
                            base + 0.09,
                            base + 0.1));
            base += 1;
        }
        return new AggregatedMetrics(byStatistic);
    }

    static QueryStats erroredQuery() {
        return new QueryStats(
                "The prompt of a failed request, kept to reproduce it",
                1764400001.5,
                1764400002.0,
                1030,
                0,
                "",
                0.5,
                0.0,
                0.0,
                List.of(),
                List.of(),
                0.0,
                0.0,
                0.0,
                0.0,
                0.0,
                0.0,
                false,
                "HTTP 503: Service Unavailable",
                false,
                128,
                0,
                0,
                ErrorKind.HTTP_STATUS,
                503,
                false,
                0.003,
                TokenCountSource.CHUNKS,
                null,
                -1,
                Optional.empty(),
                -1);
    }

    /** A valid query as written in {@code individual_query}: its prompt blanked. */
    static QueryStats validQuery(int index) {
        double start = 1764400010.0 + index;
        return new QueryStats(
                "",
                start,
                start + 1.25,
                1024 + index,
                3,
                "a b c",
                1.25,
                start + 0.125,
                0.125,
                List.of(start + 0.125, start + 0.625, start + 1.25),
                List.of(0.125, 0.5, 0.625),
                1.125,
                0.5,
                0.0625,
                2.4,
                1.7777777777777777,
                2.6666666666666665,
                index == 0,
                "",
                index == 1,
                128,
                3,
                4,
                index == 0 ? ErrorKind.NONE : ErrorKind.TIMEOUT,
                index == 0 ? null : 200,
                true,
                0.001953125,
                index == 0 ? TokenCountSource.USAGE : TokenCountSource.TIMINGS,
                index == 0 ? 0.5 : null,
                index + 1,
                index == 0 ? Optional.empty() : Optional.of(new ServerTimings(3, 68.75, 1024)),
                index == 0 ? 512 : -1);
    }
}
