package io.benchsuite.stats;

import static io.benchsuite.record.TestRecords.ANCHOR;
import static io.benchsuite.record.TestRecords.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.record.ErrorKind;
import io.benchsuite.record.ServerTimings;
import io.benchsuite.record.TestRecords;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryStatsCalculatorTest {

    private static final double EPS = 1e-9;
    /** Epoch doubles near 1.7e9 resolve to about 2.4e-7 s. */
    private static final double EPOCH_EPS = 1e-6;

    private static final double ORIGIN_EPOCH = 1_700_000_000.0;

    /**
     * 13 tokens, one per chunk: first after 500 ms, then every 100 ms except one 2 s pause after the sixth
     * token; [DONE] 100 ms after the last token at 3.6 s. Sent 250 ms after the schedule wanted.
     */
    private static final long[] THIRTEEN_TOKENS_MS = {
        500, 600, 700, 800, 900, 1000, 3000, 3100, 3200, 3300, 3400, 3500, 3600
    };

    /** The record's statistics against the shared anchor, its length forced (the default). */
    private static QueryStats compute(TestRecords request) {
        return QueryStatsCalculator.compute(request.build(), ANCHOR);
    }

    /** A request sent at the anchor's origin (0 ms) that ended at {@code endMs}. */
    private static TestRecords startedAtZero(long endMs) {
        return request().startMs(0).endMs(endMs);
    }

    @Test
    void thirteenTokenTimelineWithOneLongPause() {
        QueryStats stats = compute(request()
                .intendedStartMs(-250)
                .startMs(0)
                .endMs(3700)
                .chunksMs(THIRTEEN_TOKENS_MS)
                .requested(13)
                .completionTokens(13)
                .promptTokens(42));

        assertEquals(ORIGIN_EPOCH, stats.startingTimestamp(), EPOCH_EPS);
        assertEquals(ORIGIN_EPOCH + 3.7, stats.endingTimestamp(), EPOCH_EPS);
        assertEquals(42, stats.promptLength());
        assertEquals(13, stats.responseLength());
        assertEquals(3.7, stats.totalQueryTime(), EPS);
        assertEquals(ORIGIN_EPOCH + 0.5, stats.timestampOfFirstToken(), EPOCH_EPS);
        assertEquals(0.5, stats.timeToFirstToken(), EPS);
        assertEquals(13, stats.timestampOfTokensArrival().size());
        assertEquals(ORIGIN_EPOCH + 3.0, stats.timestampOfTokensArrival().get(6), EPOCH_EPS);
        assertEquals(12, stats.deltaTimeOfTokensArrival().size());
        assertEquals(2.0, stats.deltaTimeOfTokensArrival().get(5), EPS);
        assertEquals(0.1, stats.deltaTimeOfTokensArrival().get(11), EPS);
        assertEquals(3.2, stats.completionTimeFromFirstToken(), EPS);
        assertEquals(0.1, stats.medianTimeBetweenChunks(), EPS);
        // Gaps: eleven of 0.1 and one of 2.0. Mean 3.1/12, squared deviations 39.71/12, sample std
        // sqrt(39.71/132) = 0.54848...; stall threshold 0.1 + 3 * std = 1.74545; waiting = 0.5 + (2.0 - 1.74545).
        double threshold = 0.1 + 3 * Math.sqrt(39.71 / 132);
        double waiting = 0.5 + 2.0 - threshold;
        assertEquals(0.7545517328095666, waiting, 1e-12);
        assertEquals(waiting, stats.totalWaitingTime(), EPS);
        assertEquals(13 / 3.7, stats.speedFromBeginning(), EPS);
        assertEquals(13 / 3.2, stats.speedFromFirstToken(), EPS);
        assertEquals(13 / (3.7 - waiting), stats.speedWithoutWaitingTime(), EPS);
        assertTrue(stats.success());
        assertFalse(stats.timeout());
        assertEquals("", stats.error());
        assertEquals(13, stats.requestedOutputLength());
        assertEquals(13, stats.reportedCompletionTokens());
        assertEquals(13, stats.chunkCount());
        assertEquals(ErrorKind.NONE, stats.errorKind());
        assertEquals(200, stats.httpStatus());
        assertFalse(stats.outputLengthMismatch());
        assertEquals(0.25, stats.queueDelay(), EPS);
    }

    @Test
    void timeoutEndsAtTheLastChunkNotWhenTheTimeoutFired() {
        QueryStats stats = compute(startedAtZero(5000)
                .chunksMs(200, 300, 400)
                .requested(16)
                .failed(ErrorKind.TIMEOUT, 200, "no data for 5 s"));

        assertEquals(ORIGIN_EPOCH + 0.4, stats.endingTimestamp(), EPOCH_EPS);
        assertEquals(0.4, stats.totalQueryTime(), EPS);
        assertEquals(0.2, stats.completionTimeFromFirstToken(), EPS);
        assertEquals(3, stats.responseLength()); // no usage: the chunks' own count
        assertEquals(0.2, stats.totalWaitingTime(), EPS); // 3 arrivals: too few for stall detection, TTFT only
        assertEquals(7.5, stats.speedFromBeginning(), EPS);
        assertEquals(15.0, stats.speedFromFirstToken(), EPS);
        assertEquals(15.0, stats.speedWithoutWaitingTime(), EPS);
        assertTrue(stats.timeout());
        assertFalse(stats.success());
        assertTrue(stats.isValid());
        assertEquals("no data for 5 s", stats.error());
        assertEquals(ErrorKind.TIMEOUT, stats.errorKind());
        // Short because it timed out, not because the server stopped early.
        QueryStats reported = compute(startedAtZero(5000)
                .chunksMs(200, 300, 400)
                .requested(16)
                .completionTokens(3)
                .failed(ErrorKind.TIMEOUT, 200, "timeout"));
        assertFalse(reported.outputLengthMismatch());
    }

    @Test
    void timeoutWithoutAnyChunkEndsAtItsStart() {
        QueryStats stats = compute(request().startMs(100).endMs(9000).failed(ErrorKind.TIMEOUT, null, "timeout"));
        assertEquals(ORIGIN_EPOCH + 0.1, stats.endingTimestamp(), EPOCH_EPS);
        assertEquals(0.0, stats.totalQueryTime(), 0);
        assertEquals(0, stats.responseLength());
        assertEquals(0.0, stats.speedFromBeginning(), 0);
        assertNull(stats.httpStatus());
    }

    @Test
    void responseLengthPrefersReportedUsageOverChunkCounts() {
        // Three chunks that carried 1, 3 and 2 tokens (continuous usage deltas).
        QueryStats fromChunks = compute(
                startedAtZero(400).chunksMs(100, 200, 300).chunkTokens(1, 3, 2).requested(6));
        assertEquals(6, fromChunks.responseLength());
        assertEquals(3, fromChunks.chunkCount());
        assertEquals(-1, fromChunks.reportedCompletionTokens());
        assertFalse(fromChunks.outputLengthMismatch()); // nothing reported, nothing to compare
        assertEquals(0.1, fromChunks.medianTimeBetweenChunks(), EPS); // per chunk, not per token
        assertEquals(6 / 0.4, fromChunks.speedFromBeginning(), EPS);

        QueryStats reported = compute(startedAtZero(400)
                .chunksMs(100, 200, 300)
                .chunkTokens(1, 3, 2)
                .requested(6)
                .completionTokens(7));
        assertEquals(7, reported.responseLength());
        assertEquals(7, reported.reportedCompletionTokens());
        assertTrue(reported.outputLengthMismatch());
        assertEquals(7 / 0.4, reported.speedFromBeginning(), EPS);
    }

    @Test
    void singleTokenResponseHasTimeToFirstTokenButNoSpeeds() {
        // The prompt-ingestion shape: one output token.
        QueryStats stats = compute(startedAtZero(260).chunksMs(250).requested(1).completionTokens(1));
        assertEquals(0.25, stats.timeToFirstToken(), EPS);
        assertEquals(0.01, stats.completionTimeFromFirstToken(), EPS);
        assertEquals(0.0, stats.medianTimeBetweenChunks(), 0);
        assertEquals(0.0, stats.totalWaitingTime(), 0);
        assertEquals(0.0, stats.speedFromBeginning(), 0);
        assertEquals(0.0, stats.speedFromFirstToken(), 0);
        assertEquals(0.0, stats.speedWithoutWaitingTime(), 0);
        assertEquals(List.of(), stats.deltaTimeOfTokensArrival());
    }

    @Test
    void httpErrorKeepsStatusMessageAndPrompt() {
        QueryStats stats = compute(request()
                .prompt("too long")
                .startMs(0)
                .endMs(30)
                .promptTokens(-1)
                .failed(ErrorKind.HTTP_STATUS, 400, "prompt too long"));
        assertFalse(stats.success());
        assertFalse(stats.isValid());
        assertEquals("prompt too long", stats.error());
        assertEquals(400, stats.httpStatus());
        assertEquals(ErrorKind.HTTP_STATUS, stats.errorKind());
        assertEquals(0.03, stats.totalQueryTime(), EPS);
        assertEquals(0, stats.promptLength()); // not reported: the original tool's default
        assertEquals(0.0, stats.timestampOfFirstToken(), 0);
        assertEquals("too long", stats.prompt());
        assertEquals("", stats.withoutPrompt().prompt());
        assertEquals(stats.error(), stats.withoutPrompt().error());
    }

    @Test
    void jsonKeepsTheOriginalFieldOrderAndAppendsTheNewFields() {
        QueryStats stats = compute(startedAtZero(10));
        assertEquals(
                List.of(
                        "prompt",
                        "starting_timestamp",
                        "ending_timestamp",
                        "prompt_length",
                        "response_length",
                        "generated_text",
                        "total_query_time",
                        "timestamp_of_first_token",
                        "time_to_first_token",
                        "timestamp_of_tokens_arrival",
                        "delta_time_of_tokens_arrival",
                        "completion_time_from_first_token",
                        "median_time_between_tokens",
                        "total_waiting_time",
                        "speed_from_beginning",
                        "speed_from_first_token",
                        "speed_without_waiting_time",
                        "success",
                        "error",
                        "timeout",
                        "requested_output_length",
                        "reported_completion_tokens",
                        "chunk_count",
                        "error_kind",
                        "http_status",
                        "output_length_mismatch",
                        "queue_delay",
                        "token_count_source",
                        "time_to_first_content",
                        "reasoning_tokens",
                        "timings",
                        "cached_tokens"),
                List.copyOf(JsonMaps.of(stats).keySet()));
        assertEquals("NONE", JsonMaps.of(stats).get("error_kind"));
        assertEquals("", stats.generatedText());
    }

    @Test
    void aRequestThatGotAnotherLengthOrNoneIsFlaggedWithOrWithoutUsage() {
        QueryStats short3 = compute(startedAtZero(400).chunksMs(100, 200, 300).requested(8));
        assertTrue(short3.outputLengthMismatch(), "3 chunks for 8 asked, no usage");
        assertEquals("chunks", JsonMaps.of(short3).get("token_count_source"));
        QueryStats none = compute(startedAtZero(40).requested(8));
        assertTrue(none.outputLengthMismatch(), "nothing at all for 8 asked");
        QueryStats notForced =
                QueryStatsCalculator.compute(startedAtZero(40).requested(8).build(), ANCHOR, false);
        assertFalse(notForced.outputLengthMismatch(), "a server that was not told the length is not flagged");
        QueryStats timings =
                compute(startedAtZero(400).chunksMs(100, 200).requested(79).timings(new ServerTimings(79, 68.8, 10)));
        assertFalse(timings.outputLengthMismatch());
        assertEquals(79, timings.responseLength(), "llama.cpp's own count");
        assertEquals("timings", JsonMaps.of(timings).get("token_count_source"));
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> t =
                (java.util.Map<String, Object>) JsonMaps.of(timings).get("timings");
        assertEquals(79, t.get("predicted_n"));
        assertEquals(68.8, t.get("predicted_per_second"));
        assertEquals(10, t.get("prompt_n"));
    }

    @Test
    void reasoningStreamHasATimeToFirstContentAfterItsTimeToFirstToken() {
        QueryStats stats = compute(startedAtZero(500)
                .chunksMs(100, 200, 300)
                .requested(3)
                .completionTokens(3)
                .firstContentMs(300, 2));
        assertEquals(0.1, stats.timeToFirstToken(), EPS);
        assertEquals(0.3, stats.timeToFirstContent(), EPS);
        assertEquals(2, stats.reasoningTokens());
        assertEquals("usage", JsonMaps.of(stats).get("token_count_source"));
        assertNull(JsonMaps.of(stats).get("timings"));
        QueryStats noContent = compute(startedAtZero(500).chunksMs(100).requested(1));
        assertNull(noContent.timeToFirstContent());
        RunMetrics metrics = RunMetrics.of(List.of(stats, noContent), ServerPeaks.UNAVAILABLE, 1);
        assertEquals(
                0.3,
                JsonMaps.of(metrics.aggregated()
                                .get(AggregatedStatistic.TIME_TO_FIRST_CONTENT)
                                .orElseThrow())
                        .get("median"),
                "over the requests that had content only");
        assertEquals(0, metrics.general().nbOutputLengthMismatch());
    }
}
