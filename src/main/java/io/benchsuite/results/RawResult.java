package io.benchsuite.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.benchsuite.health.ClientHealth;
import io.benchsuite.stats.AggregatedMetrics;
import io.benchsuite.stats.GeneralMetrics;
import io.benchsuite.stats.QueryStats;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The raw result of one benchmark, in the original tool's layout: parameters, general_metrics,
 * aggregated_metrics, errored_queries, then individual_query and kv_cache_profile when asked for.
 * New: {@code complete} is false when the benchmark was interrupted and holds only what was measured,
 * {@code scrape_failures} counts metric scrapes that failed, {@code cached_prompt_requests} counts the
 * requests with more than 10 % of their prompt tokens in the server's prompt cache, and {@code client_health} is the client's
 * self-check over the benchmark (absent in files written before it existed).
 *
 * <p>The JSON is this record as Jackson writes it ({@link RawResultWriter}): each component under its
 * {@code @JsonProperty} name, in the order declared; absent optional lists are left out. Read back with
 * {@link RawResultReader}. docs/raw-results.md says how to add a field.
 *
 * @param errored    the failed requests, each with its prompt: it is what one needs to reproduce them
 * @param individual the valid requests (--query-metrics), stored without their prompt as the original did
 *                   (prompts are large and the dataset holds them already)
 */
@RegisterForReflection
public record RawResult(
        @JsonProperty("parameters") Map<String, Object> parameters,
        @JsonProperty("general_metrics") GeneralMetrics general,
        @JsonProperty("aggregated_metrics") AggregatedMetrics aggregated,
        @JsonProperty("errored_queries") List<QueryStats> errored,

        @JsonProperty("individual_query") @JsonInclude(JsonInclude.Include.NON_ABSENT)
        Optional<List<QueryStats>> individual,

        @JsonProperty("kv_cache_profile") @JsonInclude(JsonInclude.Include.NON_ABSENT)
        Optional<List<KvProfileSample>> kvProfile,

        @JsonProperty("scrape_failures") int scrapeFailures,
        @JsonProperty("complete") boolean complete,
        @JsonProperty("cached_prompt_requests") int cachedPromptRequests,

        @JsonProperty("client_health") @JsonInclude(JsonInclude.Include.NON_ABSENT)
        Optional<ClientHealth> clientHealth) {

    public RawResult {
        individual = individual == null
                ? Optional.empty()
                : individual.map(
                        list -> list.stream().map(QueryStats::withoutPrompt).toList());
        kvProfile = kvProfile == null ? Optional.empty() : kvProfile;
        clientHealth = clientHealth == null ? Optional.empty() : clientHealth;
    }

    /**
     * This result with one more parameter (or one replaced), every other component unchanged. It lives here
     * rather than with its callers so that a component added to the record is carried over by construction.
     *
     * @param key   the parameter's name as written in the JSON's {@code parameters} object
     * @param value any value Jackson can write (a string, number, boolean, list or map)
     * @return a new result; this one and its parameter map are left as they were
     */
    public RawResult withParameter(String key, Object value) {
        Map<String, Object> withIt = new LinkedHashMap<>(parameters);
        withIt.put(key, value);
        return new RawResult(
                withIt,
                general,
                aggregated,
                errored,
                individual,
                kvProfile,
                scrapeFailures,
                complete,
                cachedPromptRequests,
                clientHealth);
    }
}
