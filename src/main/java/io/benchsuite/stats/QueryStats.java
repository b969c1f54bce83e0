package io.benchsuite.stats;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.benchsuite.record.ErrorKind;
import io.benchsuite.record.ServerTimings;
import io.benchsuite.record.TokenCountSource;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The derived view of one request: the original tool's {@code QueryOutput} fields, then the fields this port
 * adds. Instants are epoch seconds, durations seconds, speeds tokens per second. See
 * {@link QueryStatsCalculator} for the definitions and {@code docs/statistics.md} for where they differ
 * from the original. {@code timeToFirstContent} (seconds) is null when no visible content arrived;
 * {@code reasoningTokens} is -1 when the server did not give it; {@code timings} is llama.cpp's counters,
 * empty (written as null) when the server sent none.
 *
 * <p>The JSON of {@code errored_queries} and {@code individual_query}: each component is written under its
 * {@code @JsonProperty} name in the order declared, the original fields first (see docs/raw-results.md).
 */
@RegisterForReflection
public record QueryStats(
        @JsonProperty("prompt") String prompt,
        @JsonProperty("starting_timestamp") double startingTimestamp,
        @JsonProperty("ending_timestamp") double endingTimestamp,
        @JsonProperty("prompt_length") int promptLength,
        @JsonProperty("response_length") int responseLength,
        @JsonProperty("generated_text") String generatedText,
        @JsonProperty("total_query_time") double totalQueryTime,
        @JsonProperty("timestamp_of_first_token") double timestampOfFirstToken,
        @JsonProperty("time_to_first_token") double timeToFirstToken,
        @JsonProperty("timestamp_of_tokens_arrival") List<Double> timestampOfTokensArrival,
        @JsonProperty("delta_time_of_tokens_arrival") List<Double> deltaTimeOfTokensArrival,
        @JsonProperty("completion_time_from_first_token") double completionTimeFromFirstToken,
        @JsonProperty("median_time_between_tokens") double medianTimeBetweenChunks,
        @JsonProperty("total_waiting_time") double totalWaitingTime,
        @JsonProperty("speed_from_beginning") double speedFromBeginning,
        @JsonProperty("speed_from_first_token") double speedFromFirstToken,
        @JsonProperty("speed_without_waiting_time") double speedWithoutWaitingTime,
        @JsonProperty("success") boolean success,
        @JsonProperty("error") String error,
        @JsonProperty("timeout") boolean timeout,
        // Added by this port.
        @JsonProperty("requested_output_length") int requestedOutputLength,
        @JsonProperty("reported_completion_tokens") int reportedCompletionTokens,
        @JsonProperty("chunk_count") int chunkCount,
        @JsonProperty("error_kind") ErrorKind errorKind,
        @JsonProperty("http_status") Integer httpStatus,
        @JsonProperty("output_length_mismatch") boolean outputLengthMismatch,
        @JsonProperty("queue_delay") double queueDelay,
        // Added for chat, reasoning models and llama.cpp.
        @JsonProperty("token_count_source") TokenCountSource tokenCountSource,
        @JsonProperty("time_to_first_content") Double timeToFirstContent,
        @JsonProperty("reasoning_tokens") int reasoningTokens,
        @JsonProperty("timings") Optional<ServerTimings> timings,
        // Added for prompt caches: -1 when the server did not say.
        @JsonProperty("cached_tokens") int cachedTokens) {

    public QueryStats {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(generatedText, "generatedText");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(errorKind, "errorKind");
        Objects.requireNonNull(tokenCountSource, "tokenCountSource");
        timings = timings == null ? Optional.empty() : timings.filter(ServerTimings::present);
        // Kept unboxed: a long run holds thousands of these lists when it writes its result (DoubleList).
        timestampOfTokensArrival = DoubleList.copyOf(timestampOfTokensArrival);
        deltaTimeOfTokensArrival = DoubleList.copyOf(deltaTimeOfTokensArrival);
    }

    /**
     * True when the server found more than {@code share} (0-1) of this request's prompt tokens in its prefix
     * cache: its time to first token then measures a cache hit, not a prefill.
     */
    public boolean promptMostlyCached(double share) {
        return cachedTokens > 0 && promptLength > 0 && cachedTokens > share * promptLength;
    }

    /** The original tool's "valid" query: it succeeded or timed out (its tokens so far still count). */
    @JsonIgnore
    public boolean isValid() {
        return success || timeout;
    }

    /**
     * The same statistics with the prompt blanked, as the original tool stores valid queries (prompts are
     * large and the dataset holds them already); errored queries keep theirs to help diagnose the error.
     */
    public QueryStats withoutPrompt() {
        return new QueryStats(
                "",
                startingTimestamp,
                endingTimestamp,
                promptLength,
                responseLength,
                generatedText,
                totalQueryTime,
                timestampOfFirstToken,
                timeToFirstToken,
                timestampOfTokensArrival,
                deltaTimeOfTokensArrival,
                completionTimeFromFirstToken,
                medianTimeBetweenChunks,
                totalWaitingTime,
                speedFromBeginning,
                speedFromFirstToken,
                speedWithoutWaitingTime,
                success,
                error,
                timeout,
                requestedOutputLength,
                reportedCompletionTokens,
                chunkCount,
                errorKind,
                httpStatus,
                outputLengthMismatch,
                queueDelay,
                tokenCountSource,
                timeToFirstContent,
                reasoningTokens,
                timings,
                cachedTokens);
    }
}
