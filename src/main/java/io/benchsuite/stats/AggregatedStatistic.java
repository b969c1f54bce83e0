package io.benchsuite.stats;

import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.function.ToDoubleFunction;

/** The per-request statistics summarised in {@code aggregated_metrics}, in the original tool's order. */
@RegisterForReflection
public enum AggregatedStatistic {
    TIME_TO_FIRST_TOKEN("time_to_first_token", QueryStats::timeToFirstToken),
    PROMPT_LENGTH("prompt_length", QueryStats::promptLength),
    RESPONSE_LENGTH("response_length", QueryStats::responseLength),
    TOTAL_QUERY_TIME("total_query_time", QueryStats::totalQueryTime),
    COMPLETION_TIME_FROM_FIRST_TOKEN("completion_time_from_first_token", QueryStats::completionTimeFromFirstToken),
    MEDIAN_TIME_BETWEEN_TOKENS("median_time_between_tokens", QueryStats::medianTimeBetweenChunks),
    TOTAL_WAITING_TIME("total_waiting_time", QueryStats::totalWaitingTime),
    SPEED_FROM_BEGINNING("speed_from_beginning", QueryStats::speedFromBeginning),
    SPEED_FROM_FIRST_TOKEN("speed_from_first_token", QueryStats::speedFromFirstToken),
    SPEED_WITHOUT_WAITING_TIME("speed_without_waiting_time", QueryStats::speedWithoutWaitingTime),
    /** New: over the requests that received visible content only (a reasoning model may send none). */
    TIME_TO_FIRST_CONTENT("time_to_first_content", q -> q.timeToFirstContent() == null ? 0 : q.timeToFirstContent());

    private final String jsonName;
    private final ToDoubleFunction<QueryStats> extractor;

    AggregatedStatistic(String jsonName, ToDoubleFunction<QueryStats> extractor) {
        this.jsonName = jsonName;
        this.extractor = extractor;
    }

    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    /** Whether the request has a value of this statistic (every request has, but for the time to first content). */
    public boolean appliesTo(QueryStats query) {
        return this != TIME_TO_FIRST_CONTENT || query.timeToFirstContent() != null;
    }

    public double valueOf(QueryStats query) {
        return extractor.applyAsDouble(query);
    }
}
