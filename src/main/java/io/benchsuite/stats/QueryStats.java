package io.benchsuite.stats;

import io.benchsuite.record.ErrorKind;
import io.benchsuite.record.ServerTimings;
import io.benchsuite.record.TokenCountSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The derived view of one request: the original tool's {@code QueryOutput} fields, then the fields this port
 * adds. Instants are epoch seconds, durations seconds, speeds tokens per second. See
 * {@link QueryStatsCalculator} for the definitions and {@code docs/statistics.md} for where they differ
 * from the original. {@code timeToFirstContent} (seconds) is null when no visible content arrived;
 * {@code reasoningTokens} is -1 when the server did not give it.
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
        // Added for chat, reasoning models and llama.cpp.
        TokenCountSource tokenCountSource,
        Double timeToFirstContent,
        int reasoningTokens,
        ServerTimings timings) {

    public QueryStats {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(generatedText, "generatedText");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(errorKind, "errorKind");
        Objects.requireNonNull(tokenCountSource, "tokenCountSource");
        Objects.requireNonNull(timings, "timings");
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
                outputLengthMismatch, queueDelay, tokenCountSource, timeToFirstContent, reasoningTokens, timings);
    }

    /** llama.cpp's counters as it names them; a value it did not send is null. */
    private Map<String, Object> timingsMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("predicted_n", timings.predictedN() >= 0 ? timings.predictedN() : null);
        map.put("predicted_per_second", Double.isNaN(timings.predictedPerSecond()) ? null : timings.predictedPerSecond());
        map.put("prompt_n", timings.promptN() >= 0 ? timings.promptN() : null);
        return map;
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
        map.put("token_count_source", tokenCountSource.id());
        map.put("time_to_first_content", timeToFirstContent);
        map.put("reasoning_tokens", reasoningTokens);
        map.put("timings", timings.present() ? timingsMap() : null);
        return map;
    }
}
