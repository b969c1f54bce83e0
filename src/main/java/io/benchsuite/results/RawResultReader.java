package io.benchsuite.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.benchsuite.record.ErrorKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads a raw result file back into a {@link RawResult}. Tolerant, because users keep results for years and
 * the original tool's files must still read: keys this version does not know are ignored, and keys an older
 * writer did not write take their neutral value (the original tool wrote no {@code complete},
 * {@code errors_by_kind}, {@code error_kind}, {@code scrape_latency}, {@code scrape_failures} nor any of this
 * port's per-query fields).
 *
 * <p>Neutral values: {@code complete} true; gauge maxima ({@code max_kv_cache}, {@code max_requests_running},
 * {@code max_requests_waiting}) -1, "not measured"; counts, times and numbers 0; strings ""; an
 * {@code error_kind} NONE for a success, TIMEOUT for a timeout, OTHER otherwise or when the name is unknown;
 * {@code errors_by_kind} counted from the errored queries, unknown kinds counted as OTHER; {@code reasoning_tokens}
 * and {@code cached_tokens} -1, "not said"; KV-cache samples
 * without a timestamp dropped. Only what no report can do without is required: the {@code parameters} and
 * {@code general_metrics} objects and the query counts, times and token totals of the latter.
 */
public final class RawResultReader {

    /** The keys of {@code general_metrics} without which a file is not a raw result. */
    private static final String[] REQUIRED_GENERAL = {
        "total_number_of_queries",
        "nb_timeout_queries",
        "nb_errored_queries",
        "total_time",
        "actual_total_time",
        "total_number_of_ingested_tokens",
        "total_number_of_generated_tokens"
    };

    private static final String[] GAUGE_MAXIMA = {"max_kv_cache", "max_requests_running", "max_requests_waiting"};
    private static final String[] QUERY_STRINGS = {"prompt", "generated_text", "error"};
    private static final String[] QUERY_LISTS = {"timestamp_of_tokens_arrival", "delta_time_of_tokens_arrival"};

    private static final ObjectMapper MAPPER =
            JsonFiles.MAPPER.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private RawResultReader() {}

    /**
     * @throws IOException              when the file cannot be read or is not JSON
     * @throws IllegalArgumentException naming the first missing or ill-typed required key
     */
    public static RawResult read(Path file) throws IOException {
        return read(Files.readAllBytes(file));
    }

    /** As {@link #read(Path)}, from the file's bytes. */
    public static RawResult read(byte[] json) throws IOException {
        JsonNode root = MAPPER.readTree(json);
        if (root == null || root.isMissingNode()) {
            throw new IllegalArgumentException("the file is empty");
        }
        return read(root);
    }

    /** As {@link #read(Path)}, from a parsed tree (left unchanged). */
    public static RawResult read(JsonNode root) {
        if (!root.isObject()) {
            throw new IllegalArgumentException("the top level is not a JSON object");
        }
        ObjectNode upgraded = ((ObjectNode) root).deepCopy();
        object(upgraded, "parameters");
        ObjectNode general = object(upgraded, "general_metrics");
        for (String key : REQUIRED_GENERAL) {
            if (!general.path(key).isNumber()) {
                throw new IllegalArgumentException("no number \"" + key + "\"");
            }
        }
        for (String key : GAUGE_MAXIMA) {
            if (!general.path(key).isNumber()) {
                general.put(key, -1.0);
            }
        }
        ArrayNode errored = queries(upgraded, "errored_queries");
        if (upgraded.has("individual_query")) {
            queries(upgraded, "individual_query");
        }
        general.set("errors_by_kind", errorsByKind(general.path("errors_by_kind"), errored));
        if (!upgraded.path("aggregated_metrics").isObject()) {
            upgraded.putObject("aggregated_metrics");
        }
        upgraded.get("aggregated_metrics").fields().forEachRemaining(e -> {
            if (!e.getValue().isObject()) {
                e.setValue(upgraded.objectNode());
            }
        });
        kvProfile(upgraded);
        if (!upgraded.path("complete").isBoolean()) {
            upgraded.put("complete", true);
        }
        if (!upgraded.path("scrape_failures").isNumber()) {
            upgraded.put("scrape_failures", 0);
        }
        try {
            return MAPPER.treeToValue(upgraded, RawResult.class);
        } catch (JsonProcessingException | RuntimeException e) {
            String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new IllegalArgumentException(
                    String.valueOf(message).lines().findFirst().orElse("").strip(), e);
        }
    }

    private static ObjectNode object(ObjectNode node, String key) {
        JsonNode value = node.path(key);
        if (!value.isObject()) {
            throw new IllegalArgumentException("no \"" + key + "\" object");
        }
        return (ObjectNode) value;
    }

    /** The array under {@code key} with each query given its neutral values; non-objects dropped. */
    private static ArrayNode queries(ObjectNode root, String key) {
        ArrayNode queries = root.arrayNode();
        for (JsonNode query : root.path(key)) {
            if (query.isObject()) {
                queries.add(query((ObjectNode) query));
            }
        }
        root.set(key, queries);
        return queries;
    }

    private static ObjectNode query(ObjectNode query) {
        for (String key : QUERY_STRINGS) {
            if (!query.path(key).isTextual()) {
                query.put(key, "");
            }
        }
        for (String key : QUERY_LISTS) {
            if (!query.path(key).isArray()) {
                query.putArray(key);
            }
        }
        query.put("error_kind", errorKind(query).name());
        // Files from before the token-accounting rule: the count was the server's when it reported one.
        if (!query.path("token_count_source").isTextual()) {
            query.put(
                    "token_count_source",
                    query.path("reported_completion_tokens").asInt(-1) >= 0 ? "usage" : "chunks");
        }
        if (!query.path("reasoning_tokens").isNumber()) {
            query.put("reasoning_tokens", -1);
        }
        if (!query.path("cached_tokens").isNumber()) {
            query.put("cached_tokens", -1);
        }
        return query;
    }

    private static ErrorKind errorKind(JsonNode query) {
        ErrorKind known = knownKind(query.path("error_kind").asText(""));
        if (known != null) {
            return known;
        }
        return query.path("success").asBoolean(false)
                ? ErrorKind.NONE
                : query.path("timeout").asBoolean(false) ? ErrorKind.TIMEOUT : ErrorKind.OTHER;
    }

    private static ErrorKind knownKind(String name) {
        for (ErrorKind kind : ErrorKind.values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return null;
    }

    /** Every kind but NONE, as written: from the file's counts when present, else from the errored queries. */
    private static ObjectNode errorsByKind(JsonNode written, ArrayNode errored) {
        Map<ErrorKind, Integer> counts = new EnumMap<>(ErrorKind.class);
        for (ErrorKind kind : ErrorKind.values()) {
            if (kind != ErrorKind.NONE) {
                counts.put(kind, 0);
            }
        }
        if (written.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = written.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                ErrorKind kind = knownKind(e.getKey());
                counts.merge(
                        kind == null || kind == ErrorKind.NONE ? ErrorKind.OTHER : kind,
                        e.getValue().asInt(0),
                        Integer::sum);
            }
        } else {
            for (JsonNode query : errored) {
                ErrorKind kind = ErrorKind.valueOf(query.get("error_kind").asText());
                counts.merge(kind == ErrorKind.NONE ? ErrorKind.OTHER : kind, 1, Integer::sum);
            }
        }
        ObjectNode node = MAPPER.createObjectNode();
        counts.forEach((kind, count) -> node.put(kind.name(), count));
        return node;
    }

    private static void kvProfile(ObjectNode root) {
        if (!root.has("kv_cache_profile")) {
            return;
        }
        ArrayNode samples = root.arrayNode();
        for (JsonNode sample : root.path("kv_cache_profile")) {
            if (sample.path("timestamp").isNumber()) {
                samples.add(sample);
            }
        }
        root.set("kv_cache_profile", samples);
    }
}
