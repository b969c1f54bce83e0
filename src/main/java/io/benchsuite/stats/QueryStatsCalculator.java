package io.benchsuite.stats;

import io.benchsuite.record.Outcome;
import io.benchsuite.record.RequestRecord;
import io.benchsuite.record.TimeAnchor;

/**
 * Derives a {@link QueryStats} from a {@link RequestRecord}, following the original tool's definitions:
 * <ul>
 *   <li>An arrival is a chunk that carried generated tokens; timestamps, gaps and the time to first token are
 *       per chunk, because that is what the client observed.</li>
 *   <li>{@code response_length} counts tokens, not chunks: the server's {@code usage.completion_tokens} when
 *       it reported one, else llama.cpp's {@code timings.predicted_n}, else the sum of the chunks' token counts
 *       ({@code token_count_source} says which). With one token per chunk (vLLM's usual
 *       stream) both agree with the original; when chunks merge tokens, {@code median_time_between_tokens}
 *       is really the median time between chunks and overstates the per-token gap by the chunk size,
 *       which {@code chunk_count} lets a reader see.</li>
 *   <li>A timed-out request ends at its last chunk (or at its start when none came), as in the original, so
 *       the wait for the timeout is not charged as generation time.</li>
 *   <li>Speeds, the median gap and the waiting time need at least two arrivals (one gap), as in the original;
 *       with fewer they stay 0. A speed whose divisor is not positive is 0 instead of a division error.</li>
 *   <li>The time to first token is that of the first token of any kind, reasoning included; the time to
 *       first content that of the first visible content token (null when none came).</li>
 *   <li>Durations come from nanoTime differences; the anchor only turns instants into epoch seconds.</li>
 * </ul>
 */
public final class QueryStatsCalculator {

    private QueryStatsCalculator() {}

    /** For a request whose server was told to generate exactly the length asked for. */
    public static QueryStats compute(RequestRecord record, TimeAnchor anchor) {
        return compute(record, anchor, true);
    }

    /**
     * @param lengthForced whether the server was told to generate exactly the length asked for; when not, a
     *                     different length is the model's choice and the request is not flagged
     */
    public static QueryStats compute(RequestRecord record, TimeAnchor anchor, boolean lengthForced) {
        long start = record.startNanos();
        long end = effectiveEnd(record);
        int arrivals = record.chunkCount();
        int responseLength = record.generatedTokens();
        double totalQueryTime = TimeAnchor.secondsBetween(start, end);

        double[] arrivalTimestamps = new double[arrivals];
        double[] gaps = new double[Math.max(0, arrivals - 1)];
        for (int i = 0; i < arrivals; i++) {
            arrivalTimestamps[i] = anchor.toEpochSeconds(record.chunkNanosAt(i));
            if (i > 0) {
                gaps[i - 1] = TimeAnchor.secondsBetween(record.chunkNanosAt(i - 1), record.chunkNanosAt(i));
            }
        }

        double firstTokenTimestamp = 0;
        double timeToFirstToken = 0;
        double completionTimeFromFirstToken = 0;
        if (arrivals >= 1) {
            long first = record.chunkNanosAt(0);
            firstTokenTimestamp = anchor.toEpochSeconds(first);
            timeToFirstToken = TimeAnchor.secondsBetween(start, first);
            completionTimeFromFirstToken = TimeAnchor.secondsBetween(first, end);
        }

        double medianGap = 0;
        double waitingTime = 0;
        double speedFromBeginning = 0;
        double speedFromFirstToken = 0;
        double speedWithoutWaiting = 0;
        if (gaps.length >= 1) {
            medianGap = Percentiles.median(gaps);
            waitingTime = WaitingTime.total(timeToFirstToken, gaps);
            speedFromBeginning = Rates.perSecond(responseLength, totalQueryTime);
            speedFromFirstToken = Rates.perSecond(responseLength, completionTimeFromFirstToken);
            speedWithoutWaiting = Rates.perSecond(responseLength, totalQueryTime - waitingTime);
        }

        // Only a finished request can be "the wrong length"; a failed one is short for a reason already given.
        // The count compared is the best there is (usage, timings, else the chunks), so a stream that sent no
        // token at all is flagged too.
        boolean mismatch =
                lengthForced && record.outcome() == Outcome.SUCCESS && responseLength != record.requestedOutputTokens();
        Double timeToFirstContent = record.details().hasFirstContent()
                ? TimeAnchor.secondsBetween(start, record.details().firstContentNanos())
                : null;
        return new QueryStats(
                record.prompt(),
                anchor.toEpochSeconds(start),
                anchor.toEpochSeconds(end),
                record.promptTokensReported() ? record.promptTokens() : 0,
                responseLength,
                record.generatedText() == null ? "" : record.generatedText(),
                totalQueryTime,
                firstTokenTimestamp,
                timeToFirstToken,
                DoubleList.wrap(arrivalTimestamps),
                // Percentiles.median sorts a copy, so gaps is still in arrival order here.
                DoubleList.wrap(gaps),
                completionTimeFromFirstToken,
                medianGap,
                waitingTime,
                speedFromBeginning,
                speedFromFirstToken,
                speedWithoutWaiting,
                record.outcome() == Outcome.SUCCESS,
                record.errorMessage(),
                record.outcome() == Outcome.TIMEOUT,
                record.requestedOutputTokens(),
                record.completionTokens(),
                arrivals,
                record.errorKind(),
                record.httpStatus(),
                mismatch,
                TimeAnchor.secondsBetween(record.intendedStartNanos(), start),
                record.tokenCountSource(),
                timeToFirstContent,
                record.details().reasoningTokens(),
                java.util.Optional.of(record.details().timings()),
                record.cachedTokens());
    }

    /** Where the request's time ends for the statistics: a timeout ends at the last thing that arrived. */
    static long effectiveEnd(RequestRecord record) {
        if (record.outcome() != Outcome.TIMEOUT) {
            return record.endNanos();
        }
        int arrivals = record.chunkCount();
        return arrivals == 0 ? record.startNanos() : record.chunkNanosAt(arrivals - 1);
    }
}
