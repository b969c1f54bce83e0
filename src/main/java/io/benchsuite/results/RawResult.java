package io.benchsuite.results;

import io.benchsuite.stats.AggregatedMetrics;
import io.benchsuite.stats.GeneralMetrics;
import io.benchsuite.stats.QueryStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The raw result of one benchmark, in the original tool's layout: parameters, general_metrics,
 * aggregated_metrics, errored_queries, then individual_query and kv_cache_profile when asked for.
 * New: {@code complete} is false when the benchmark was interrupted and holds only what was measured,
 * and {@code scrape_failures} counts metric scrapes that failed; {@code cached_prompt_requests} counts the
 * requests with more than 10 % of their prompt tokens in the server's prompt cache.
 */
public record RawResult(Map<String, Object> parameters, GeneralMetrics general, AggregatedMetrics aggregated,
        List<QueryStats> errored, Optional<List<QueryStats>> individual, Optional<List<KvProfileSample>> kvProfile,
        int scrapeFailures, boolean complete, int cachedPromptRequests) {

    /** A result without prompt-cache hits. */
    public RawResult(Map<String, Object> parameters, GeneralMetrics general, AggregatedMetrics aggregated,
            List<QueryStats> errored, Optional<List<QueryStats>> individual,
            Optional<List<KvProfileSample>> kvProfile, int scrapeFailures, boolean complete) {
        this(parameters, general, aggregated, errored, individual, kvProfile, scrapeFailures, complete, 0);
    }

    public Map<String, Object> toOrderedMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("parameters", parameters);
        map.put("general_metrics", general.toOrderedMap());
        map.put("aggregated_metrics", aggregated.toOrderedMap());
        // Errored queries keep their prompt, as the original did: it is what one needs to reproduce them.
        map.put("errored_queries", errored.stream().map(QueryStats::toOrderedMap).toList());
        individual.ifPresent(list -> map.put("individual_query",
                list.stream().map(q -> q.withoutPrompt().toOrderedMap()).toList()));
        kvProfile.ifPresent(list -> map.put("kv_cache_profile",
                list.stream().map(KvProfileSample::toOrderedMap).toList()));
        map.put("scrape_failures", scrapeFailures);
        map.put("complete", complete);
        map.put("cached_prompt_requests", cachedPromptRequests);
        return map;
    }
}
