package io.benchsuite.stats;

import io.benchsuite.record.ErrorKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The derived view of one request: the original tool's {@code QueryOutput} fields, then the fields this port
 * adds. Instants are epoch seconds, durations seconds, speeds tokens per second. See
 * {@link QueryStatsCalculator} for the definitions and {@code docs/statistics.md} for where they differ
 * from the original.
 */
public record QueryStats(
        String prompt,
        double startingTimestamp,
        double endingTimestamp,
        int promptLength,
        int responseLength,
        String generatedText,
        double totalQueryTime,
        double timestampOfFirstToken,
        double timeToFirstToken,
        List<Double> timestampOfTokensArrival,
        List<Double> deltaTimeOfTokensArrival,
        double completionTimeFromFirstToken,
        double medianTimeBetweenTokens,
        double totalWaitingTime,
        double speedFromBeginning,
        double speedFromFirstToken,
        double speedWithoutWaitingTime,
        boolean success,
        String error,
        boolean timeout,
        // Added by this port.
        int requestedOutputLength,
        int reportedCompletionTokens,
        int chunkCount,
        ErrorKind errorKind,
        Integer httpStatus,
        boolean outputLengthMismatch,
        double queueDelay,
        int cachedTokens) {

    /** Statistics of a request whose server did not say how many prompt tokens it had cached. */
    public QueryStats(String prompt, double startingTimestamp, double endingTimestamp, int promptLength,
            int responseLength, String generatedText, double totalQueryTime, double timestampOfFirstToken,
            double timeToFirstToken, List<Double> timestampOfTokensArrival, List<Double> deltaTimeOfTokensArrival,
            double completionTimeFromFirstToken, double medianTimeBetweenTokens, double totalWaitingTime,
            double speedFromBeginning, double speedFromFirstToken, double speedWithoutWaitingTime, boolean success,
            String error, boolean timeout, int requestedOutputLength, int reportedCompletionTokens, int chunkCount,
            ErrorKind errorKind, Integer httpStatus, boolean outputLengthMismatch, double queueDelay) {
        this(prompt, startingTimestamp, endingTimestamp, promptLength, responseLength, generatedText, totalQueryTime,
                timestampOfFirstToken, timeToFirstToken, timestampOfTokensArrival, deltaTimeOfTokensArrival,
                completionTimeFromFirstToken, medianTimeBetweenTokens, totalWaitingTime, speedFromBeginning,
                speedFromFirstToken, speedWithoutWaitingTime, success, error, timeout, requestedOutputLength,
                reportedCompletionTokens, chunkCount, errorKind, httpStatus, outputLengthMismatch, queueDelay, -1);
    }

    /**
     * True when the server found more than {@code share} (0-1) of this request's prompt tokens in its prefix
     * cache: its time to first token then measures a cache hit, not a prefill.
     */
    public boolean promptMostlyCached(double share) {
        return cachedTokens > 0 && promptLength > 0 && cachedTokens > share * promptLength;
    }

    public QueryStats {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(generatedText, "generatedText");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(errorKind, "errorKind");
        timestampOfTokensArrival = List.copyOf(timestampOfTokensArrival);
        deltaTimeOfTokensArrival = List.copyOf(deltaTimeOfTokensArrival);
    }

    /** The original tool's "valid" query: it succeeded or timed out (its tokens so far still count). */
    public boolean isValid() {
        return success || timeout;
    }

    /**
     * The same statistics with the prompt blanked, as the original tool stores valid queries (prompts are
     * large and the dataset holds them already); errored queries keep theirs to help diagnose the error.
     */
    public QueryStats withoutPrompt() {
        return new QueryStats("", startingTimestamp, endingTimestamp, promptLength, responseLength, generatedText,
                totalQueryTime, timestampOfFirstToken, timeToFirstToken, timestampOfTokensArrival,
                deltaTimeOfTokensArrival, completionTimeFromFirstToken, medianTimeBetweenTokens, totalWaitingTime,
                speedFromBeginning, speedFromFirstToken, speedWithoutWaitingTime, success, error, timeout,
                requestedOutputLength, reportedCompletionTokens, chunkCount, errorKind, httpStatus,
                outputLengthMismatch, queueDelay, cachedTokens);
    }

    /** The JSON object: the original field names in the original order, the new fields after them. */
    public Map<String, Object> toOrderedMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("prompt", prompt);
        map.put("starting_timestamp", startingTimestamp);
        map.put("ending_timestamp", endingTimestamp);
        map.put("prompt_length", promptLength);
        map.put("response_length", responseLength);
        map.put("generated_text", generatedText);
        map.put("total_query_time", totalQueryTime);
        map.put("timestamp_of_first_token", timestampOfFirstToken);
        map.put("time_to_first_token", timeToFirstToken);
        map.put("timestamp_of_tokens_arrival", timestampOfTokensArrival);
        map.put("delta_time_of_tokens_arrival", deltaTimeOfTokensArrival);
        map.put("completion_time_from_first_token", completionTimeFromFirstToken);
        map.put("median_time_between_tokens", medianTimeBetweenTokens);
        map.put("total_waiting_time", totalWaitingTime);
        map.put("speed_from_beginning", speedFromBeginning);
        map.put("speed_from_first_token", speedFromFirstToken);
        map.put("speed_without_waiting_time", speedWithoutWaitingTime);
        map.put("success", success);
        map.put("error", error);
        map.put("timeout", timeout);
        map.put("requested_output_length", requestedOutputLength);
        map.put("reported_completion_tokens", reportedCompletionTokens);
        map.put("chunk_count", chunkCount);
        map.put("error_kind", errorKind.name());
        map.put("http_status", httpStatus);
        map.put("output_length_mismatch", outputLengthMismatch);
        map.put("queue_delay", queueDelay);
        // usage.prompt_tokens_details.cached_tokens, -1 when the server did not say (as reported_completion_tokens)
        map.put("cached_tokens", cachedTokens);
        return map;
    }
}
