package io.benchsuite.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.benchsuite.results.JsonFiles;
import io.benchsuite.results.KvProfileSample;
import io.benchsuite.stats.IngestionPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns one raw result's JSON into a {@link RawRun}. Files written by the original tool are read too: they
 * lack the keys this port added ({@code complete}, {@code errors_by_kind}, {@code scrape_latency}), which
 * then take their neutral value.
 */
final class RawRunParser {

    private RawRunParser() {
    }

    /** @throws IllegalArgumentException naming the first missing or ill-typed key */
    static RawRun parse(String fileName, RawFileName name, JsonNode root) {
        if (!root.isObject()) {
            throw new IllegalArgumentException("the top level is not a JSON object");
        }
        JsonNode parameters = object(root, "parameters");
        JsonNode general = object(root, "general_metrics");
        JsonNode aggregated = root.path("aggregated_metrics");
        return new RawRun(fileName, name, toMap(parameters),
                integer(general, "total_number_of_queries"),
                integer(general, "nb_timeout_queries"),
                integer(general, "nb_errored_queries"),
                errorsByKind(root, general),
                number(general, "total_time"),
                number(general, "actual_total_time"),
                (long) number(general, "total_number_of_ingested_tokens"),
                (long) number(general, "total_number_of_generated_tokens"),
                general.path("max_kv_cache").isNumber() ? general.get("max_kv_cache").asDouble() : -1,
                quartiles(aggregated, "speed_from_beginning"),
                quartiles(aggregated, "time_to_first_token"),
                ingestionPoints(root),
                kvProfile(root),
                !root.path("complete").isBoolean() || root.get("complete").asBoolean(),
                root.path("cached_prompt_requests").asInt(0));
    }

    private static Map<String, Integer> errorsByKind(JsonNode root, JsonNode general) {
        Map<String, Integer> counts = new TreeMap<>();
        JsonNode byKind = general.path("errors_by_kind");
        if (byKind.isObject()) {
            byKind.fields().forEachRemaining(e -> {
                if (e.getValue().asInt() > 0) {
                    counts.put(e.getKey(), e.getValue().asInt());
                }
            });
            return counts;
        }
        // The original wrote no counts per kind; its errored queries still say what failed, when they say.
        for (JsonNode query : root.path("errored_queries")) {
            String kind = query.path("error_kind").asText("UNCLASSIFIED");
            counts.merge(kind.isEmpty() ? "UNCLASSIFIED" : kind, 1, Integer::sum);
        }
        return counts;
    }

    private static Optional<Quartiles> quartiles(JsonNode aggregated, String statistic) {
        JsonNode summary = aggregated.path(statistic);
        if (!summary.path("median").isNumber() || !summary.path("percentile_25").isNumber()
                || !summary.path("percentile_75").isNumber()) {
            return Optional.empty();
        }
        return Optional.of(new Quartiles(summary.get("percentile_25").asDouble(), summary.get("median").asDouble(),
                summary.get("percentile_75").asDouble()));
    }

    private static List<IngestionPoint> ingestionPoints(JsonNode root) {
        List<IngestionPoint> points = new ArrayList<>();
        for (JsonNode query : root.path("individual_query")) {
            if (query.path("prompt_length").isNumber() && query.path("time_to_first_token").isNumber()) {
                points.add(new IngestionPoint(query.get("prompt_length").asDouble(),
                        query.get("time_to_first_token").asDouble()));
            }
        }
        return points;
    }

    private static List<KvProfileSample> kvProfile(JsonNode root) {
        List<KvProfileSample> samples = new ArrayList<>();
        for (JsonNode sample : root.path("kv_cache_profile")) {
            if (sample.path("timestamp").isNumber()) {
                samples.add(new KvProfileSample(sample.get("timestamp").asDouble(),
                        optionalNumber(sample, "num_requests_running"),
                        optionalNumber(sample, "num_requests_waiting"),
                        optionalNumber(sample, "gpu_cache_usage_perc"),
                        sample.path("scrape_latency").asDouble(0)));
            }
        }
        return samples;
    }

    private static Double optionalNumber(JsonNode node, String key) {
        return node.path(key).isNumber() ? node.get(key).asDouble() : null;
    }

    private static JsonNode object(JsonNode node, String key) {
        JsonNode value = node.path(key);
        if (!value.isObject()) {
            throw new IllegalArgumentException("no \"" + key + "\" object");
        }
        return value;
    }

    private static double number(JsonNode node, String key) {
        JsonNode value = node.path(key);
        if (!value.isNumber()) {
            throw new IllegalArgumentException("no number \"" + key + "\"");
        }
        return value.asDouble();
    }

    private static int integer(JsonNode node, String key) {
        return (int) number(node, key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(JsonNode object) {
        return JsonFiles.MAPPER.convertValue(object, LinkedHashMap.class);
    }
}
