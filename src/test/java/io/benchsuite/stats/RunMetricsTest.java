package io.benchsuite.stats;

import static io.benchsuite.record.TestRecords.ANCHOR;
import static io.benchsuite.record.TestRecords.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.record.ErrorKind;
import io.benchsuite.record.RequestRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunMetricsTest {

    private static final double EPS = 1e-9;

    /**
     * Two successes, one timeout and two errors:
     * <pre>
     *   A success  chunks 0.1 0.2 0.3, end 0.4   prompt 10, 3 tokens: total 0.4, ttft 0.1, waiting 0.1
     *   B success  chunks 0.2..0.8,   end 1.0    prompt 20, 4 tokens: total 1.0, ttft 0.2, waiting 0.2
     *   C timeout  chunks 0.5 1.0 (fired at 9 s) prompt 30, 2 tokens: total 1.0, ttft 0.5, waiting 0.5
     *   D HTTP 500, E stream truncated: not valid
     * </pre>
     */
    private static List<QueryStats> mixedRun() {
        List<RequestRecord> records = List.of(
                request()
                        .startMs(0)
                        .endMs(400)
                        .chunksMs(100, 200, 300)
                        .promptTokens(10)
                        .completionTokens(3)
                        .build(),
                request()
                        .startMs(0)
                        .endMs(1000)
                        .chunksMs(200, 400, 600, 800)
                        .promptTokens(20)
                        .completionTokens(4)
                        .build(),
                request()
                        .startMs(0)
                        .endMs(9000)
                        .chunksMs(500, 1000)
                        .promptTokens(30)
                        .failed(ErrorKind.TIMEOUT, 200, "timeout")
                        .build(),
                request()
                        .startMs(0)
                        .endMs(50)
                        .promptTokens(-1)
                        .failed(ErrorKind.HTTP_STATUS, 500, "boom")
                        .build(),
                request()
                        .startMs(0)
                        .endMs(700)
                        .chunksMs(100)
                        .promptTokens(40)
                        .failed(ErrorKind.STREAM_TRUNCATED, 200, "no [DONE]")
                        .build());
        return records.stream()
                .map(record -> QueryStatsCalculator.compute(record, ANCHOR))
                .toList();
    }

    @Test
    void generalMetricsSumValidQueriesAndCountTimeoutsAsErrors() {
        GeneralMetrics general =
                RunMetrics.of(mixedRun(), new ServerPeaks(0.5, 3, 1), 12.5).general();

        assertEquals(0.5, general.maxKvCache(), 0);
        assertEquals(3, general.maxRequestsRunning(), 0);
        assertEquals(1, general.maxRequestsWaiting(), 0);
        assertEquals(5, general.totalNumberOfQueries());
        assertEquals(1, general.nbTimeoutQueries());
        assertEquals(3, general.nbErroredQueries());
        assertEquals(2.4, general.totalTime(), EPS);
        assertEquals(1.6, general.totalTimeFromFirstToken(), EPS);
        assertEquals(1.6, general.totalTimeWithoutWaitingTime(), EPS);
        assertEquals(60, general.totalNumberOfIngestedTokens());
        assertEquals(9, general.totalNumberOfGeneratedTokens());
        assertEquals(9 / 2.4, general.speed(), EPS);
        assertEquals(9 / 1.6, general.speedWithoutWaitingTime(), EPS);
        assertEquals(9 / 1.6, general.speedFromFirstToken(), EPS);
        assertEquals(12.5, general.actualTotalTime(), 0);
        assertEquals(1, general.errorsByKind().get(ErrorKind.TIMEOUT));
        assertEquals(1, general.errorsByKind().get(ErrorKind.HTTP_STATUS));
        assertEquals(1, general.errorsByKind().get(ErrorKind.STREAM_TRUNCATED));
        assertEquals(0, general.errorsByKind().get(ErrorKind.CANCELLED));
        assertEquals(
                general.nbErroredQueries(),
                general.errorsByKind().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum());
    }

    @Test
    void aggregatedMetricsSummariseValidQueriesOnly() {
        AggregatedMetrics aggregated =
                RunMetrics.of(mixedRun(), ServerPeaks.UNAVAILABLE, 1).aggregated();

        // TTFT of A, B, C: 0.1, 0.2, 0.5 (the errors' 0.1 is left out).
        DistributionSummary ttft =
                aggregated.get(AggregatedStatistic.TIME_TO_FIRST_TOKEN).orElseThrow();
        assertEquals(0.8 / 3, ttft.mean(), EPS);
        assertEquals(0.2, ttft.median(), EPS);
        assertEquals(0.102, ttft.percentile1(), EPS); // rank 0.02
        assertEquals(0.15, ttft.percentile25(), EPS); // rank 0.5
        assertEquals(0.35, ttft.percentile75(), EPS); // rank 1.5
        assertEquals(0.494, ttft.percentile99(), EPS); // rank 1.98
        DistributionSummary length =
                aggregated.get(AggregatedStatistic.RESPONSE_LENGTH).orElseThrow();
        assertEquals(3, length.mean(), EPS);
        assertEquals(2.2, length.percentile10(), EPS);
        // Speeds from beginning: 3/0.4 = 7.5, 4/1.0 = 4, 2/1.0 = 2.
        assertEquals(
                4,
                aggregated
                        .get(AggregatedStatistic.SPEED_FROM_BEGINNING)
                        .orElseThrow()
                        .median(),
                EPS);
        assertEquals(
                List.of(
                        "time_to_first_token",
                        "prompt_length",
                        "response_length",
                        "total_query_time",
                        "completion_time_from_first_token",
                        "median_time_between_tokens",
                        "total_waiting_time",
                        "speed_from_beginning",
                        "speed_from_first_token",
                        "speed_without_waiting_time"),
                List.copyOf(JsonMaps.of(aggregated).keySet()));
    }

    @Test
    void runWithoutValidQueriesHasNoAggregatesAndZeroSpeeds() {
        List<QueryStats> onlyErrors = List.of(QueryStatsCalculator.compute(
                request()
                        .startMs(0)
                        .endMs(10)
                        .failed(ErrorKind.CONNECTION_REFUSED, null, "refused")
                        .build(),
                ANCHOR));
        RunMetrics metrics = RunMetrics.of(onlyErrors, ServerPeaks.UNAVAILABLE, 3);

        assertTrue(metrics.aggregated().isEmpty());
        assertEquals(Map.of(), JsonMaps.of(metrics.aggregated()));
        Map<String, Object> general = JsonMaps.of(metrics.general());
        // The original dropped speed_without_waiting_time when total_time was 0; here it is always present.
        assertEquals(0.0, general.get("speed_without_waiting_time"));
        assertEquals(0.0, general.get("speed"));
        assertEquals(-1.0, general.get("max_kv_cache"));
        assertEquals(1, general.get("nb_errored_queries"));
    }

    @Test
    void generalMetricsKeepTheOriginalKeyOrder() {
        Map<String, Object> general = JsonMaps.of(
                RunMetrics.of(mixedRun(), ServerPeaks.UNAVAILABLE, 1).general());
        assertEquals(
                List.of(
                        "max_kv_cache",
                        "max_requests_running",
                        "max_requests_waiting",
                        "total_number_of_queries",
                        "nb_timeout_queries",
                        "nb_errored_queries",
                        "total_time",
                        "total_time_from_first_token",
                        "total_time_without_waiting_time",
                        "total_number_of_ingested_tokens",
                        "total_number_of_generated_tokens",
                        "speed",
                        "speed_without_waiting_time",
                        "speed_from_first_token",
                        "actual_total_time",
                        "errors_by_kind",
                        "nb_output_length_mismatch"),
                List.copyOf(general.keySet()));
        @SuppressWarnings("unchecked")
        Map<String, Object> byKind = (Map<String, Object>) general.get("errors_by_kind");
        assertEquals(
                List.of(
                        "HTTP_STATUS",
                        "TIMEOUT",
                        "CONNECTION_REFUSED",
                        "CONNECTION_RESET",
                        "STREAM_TRUNCATED",
                        "STREAM_ERROR_EVENT",
                        "MALFORMED_CHUNK",
                        "CANCELLED",
                        "OTHER"),
                List.copyOf(byKind.keySet()));
    }
}
