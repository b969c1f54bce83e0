package io.benchsuite.report;

import io.benchsuite.report.model.Pair;
import io.benchsuite.results.JsonFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes synthetic raw result files with the real key layout (the one {@code RawResultWriter}
 * writes) and hand-chosen numbers, so that every figure of the report has a known answer.
 *
 * <p>The complete set: 4 ingestion runs of 60 points on the line TTFT = 0.00037 s/token x length + 0.05 s
 * (speed int(1 / 0.00037) = 2702 t/s) plus one outlier; KV profiles and sweeps at N = 1, 2, 4, 10 for the
 * pairs (1024, 16) and (1024, 128).
 */
final class RawFixtures {

    static final double INGESTION_SLOPE = 0.00037;
    static final double INGESTION_INTERCEPT = 0.05;
    static final long INGESTION_SPEED = 2702;
    static final int QUERIES = 60;

    static final Pair SHORT = new Pair(1024, 16);
    static final Pair REFERENCE = new Pair(1024, 128);
    static final int[] LEVELS = {1, 2, 4, 10};

    /**
     * Per pair and level: median speed, max KV usage. (1024,128): speed >= 20 up to N=4 then 18; KV below 0.95
     * except at N=4 (0.96), so the KV threshold is 10 read as the largest, 2 read as the first crossing.
     * (1024,16): speed fails at N=2 and passes again at N=4; KV never reaches 0.95.
     */
    static final Map<Pair, double[][]> SWEEPS = Map.of(
            REFERENCE, new double[][] {{50, 0.2}, {45, 0.5}, {30, 0.96}, {18, 0.9}},
            SHORT, new double[][] {{80, 0.1}, {15, 0.2}, {25, 0.3}, {10, 0.4}});

    private final Path raw;

    RawFixtures(Path outputFolder) throws IOException {
        this.raw = Files.createDirectories(outputFolder.resolve("raw_results"));
    }

    RawFixtures completeSet() throws IOException {
        for (int i = 0; i < 4; i++) {
            ingestion(i);
        }
        for (Pair pair : List.of(SHORT, REFERENCE)) {
            kvProfile(pair);
            for (int index = 0; index < LEVELS.length; index++) {
                speedLevel(pair, LEVELS[index], SWEEPS.get(pair)[index][0], SWEEPS.get(pair)[index][1]);
            }
        }
        return this;
    }

    Path raw() {
        return raw;
    }

    void delete(String fileName) throws IOException {
        Files.delete(raw.resolve(fileName));
    }

    /** Marks a speed level written before as run by the adaptive sweep, for the reason given. */
    void adaptiveReason(Pair pair, int level, String reason) throws IOException {
        sweepParameters(pair, level, Map.of("sweep", "adaptive", "sweep_reason", reason));
    }

    /** Marks a speed level written before as a level of a grid sweep (which records no reason). */
    void gridLevel(Pair pair, int level) throws IOException {
        sweepParameters(pair, level, Map.of("sweep", "grid"));
    }

    @SuppressWarnings("unchecked")
    private void sweepParameters(Pair pair, int level, Map<String, Object> added) throws IOException {
        Path file = raw.resolve(speedFile(pair, level));
        Map<String, Object> json =
                new com.fasterxml.jackson.databind.ObjectMapper().readValue(file.toFile(), Map.class);
        Map<String, Object> parameters = (Map<String, Object>) json.get("parameters");
        parameters.putAll(added);
        JsonFiles.writeAtomically(file, json);
    }

    void writeText(String fileName, String content) throws IOException {
        Files.writeString(raw.resolve(fileName), content, StandardCharsets.UTF_8);
    }

    static String speedFile(Pair pair, int level) {
        return "generation_speed_input_" + pair.inputLength() + "_output_" + pair.outputLength() + "_nb_requests_"
                + level + ".json";
    }

    static String kvFile(Pair pair) {
        return "kv_cache_profile_input_" + pair.inputLength() + "_output_" + pair.outputLength() + ".json";
    }

    /** Points at lengths 100, 150, ... on the known line; run 0 also holds one outlier, twice as slow. */
    void ingestion(int repetition) throws IOException {
        List<Map<String, Object>> queries = new ArrayList<>();
        for (int q = 0; q < QUERIES; q++) {
            int length = 100 + 50 * q + 7 * repetition;
            double ttft = INGESTION_SLOPE * length + INGESTION_INTERCEPT;
            queries.add(query(length, repetition == 0 && q == 30 ? 2 * ttft : ttft));
        }
        Map<String, Object> file = file(
                parameters("0", 1, 1, "constant_number_of_queries"),
                general(QUERIES, 0, 0, 0.5, 60, 100, 160_000, QUERIES, Map.of()),
                aggregated(100, 0.2));
        file.put("individual_query", queries);
        JsonFiles.writeAtomically(raw.resolve("prompt_ingestion_" + repetition + ".json"), file);
    }

    /**
     * Peak usage 0.5 with 20 running for (1024,128), 0.1 with 10 running for (1024,16); 60 queries of
     * (input + output) tokens, so the estimates are 1152 x 20 / 0.5 = 46 080 and 1040 x 10 / 0.1 = 104 000.
     */
    void kvProfile(Pair pair) throws IOException {
        boolean reference = pair.equals(REFERENCE);
        double peakUsage = reference ? 0.5 : 0.1;
        double peakRunning = reference ? 20 : 10;
        List<Map<String, Object>> samples = new ArrayList<>();
        // Deliberately out of order: the report sorts by time.
        samples.add(sample(1_000.2, peakRunning, 3, peakUsage));
        samples.add(sample(1_000.0, 1, 0, peakUsage / 10));
        samples.add(sample(1_000.1, 5, 0, peakUsage / 2));
        samples.add(sample(1_000.3, 2, 0, peakUsage / 4));
        Map<String, Object> file = file(
                parameters(String.valueOf(pair.inputLength()), 1, pair.outputLength(), "growing_requests"),
                general(
                        QUERIES,
                        0,
                        0,
                        10,
                        30,
                        (long) pair.inputLength() * QUERIES,
                        (long) pair.outputLength() * QUERIES,
                        peakUsage,
                        Map.of()),
                aggregated(40, 0.3));
        file.put("kv_cache_profile", samples);
        JsonFiles.writeAtomically(raw.resolve(kvFile(pair)), file);
    }

    /** Every level lasts 100 s with N x 90 s of requests (overhead 10 s from N=1) and generates N x 6000 tokens. */
    void speedLevel(Pair pair, int level, double medianSpeed, double maxKv) throws IOException {
        speedLevel(pair, level, medianSpeed, maxKv, 0, 0, true);
    }

    void speedLevel(Pair pair, int level, double medianSpeed, double maxKv, int errors, int timeouts, boolean complete)
            throws IOException {
        Map<String, Integer> byKind = new LinkedHashMap<>();
        if (errors - timeouts > 0) {
            byKind.put("HTTP_STATUS", errors - timeouts);
        }
        if (timeouts > 0) {
            byKind.put("TIMEOUT", timeouts);
        }
        Map<String, Object> file = file(
                parameters(
                        String.valueOf(pair.inputLength()), level, pair.outputLength(), "constant_number_of_queries"),
                general(QUERIES, timeouts, errors, 90.0 * level, 100, 1000, 6000L * level, maxKv, byKind),
                aggregated(medianSpeed, 0.1 * level));
        file.put("complete", complete);
        JsonFiles.writeAtomically(raw.resolve(speedFile(pair, level)), file);
    }

    private static Map<String, Object> file(
            Map<String, Object> parameters, Map<String, Object> general, Map<String, Object> aggregated) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("parameters", parameters);
        file.put("general_metrics", general);
        file.put("aggregated_metrics", aggregated);
        file.put("errored_queries", List.of());
        file.put("scrape_failures", 0);
        file.put("complete", true);
        return file;
    }

    private static Map<String, Object> parameters(String promptLength, int workers, int outputLength, String profile) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("model", "/models/test-model");
        map.put("prompt_length", promptLength);
        map.put("n_workers", workers);
        map.put("query_profile", profile);
        map.put("step_live_metrics", 0.1);
        map.put("max_queries", 1000);
        map.put("backend", "happy_vllm");
        map.put("output_length", outputLength);
        map.put("suite_id", "2026-01-01, 00:00:00");
        map.put("model_name", "Test Model");
        return map;
    }

    private static Map<String, Object> general(
            int total,
            int timeouts,
            int errored,
            double totalTime,
            double actualTotalTime,
            long ingested,
            long generated,
            double maxKv,
            Map<String, Integer> byKind) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("max_kv_cache", maxKv);
        map.put("max_requests_running", 10.0);
        map.put("max_requests_waiting", 0.0);
        map.put("total_number_of_queries", total);
        map.put("nb_timeout_queries", timeouts);
        map.put("nb_errored_queries", errored);
        map.put("total_time", totalTime);
        map.put("total_time_from_first_token", totalTime);
        map.put("total_time_without_waiting_time", totalTime);
        map.put("total_number_of_ingested_tokens", ingested);
        map.put("total_number_of_generated_tokens", generated);
        map.put("speed", 10.0);
        map.put("speed_without_waiting_time", 10.0);
        map.put("speed_from_first_token", 10.0);
        map.put("actual_total_time", actualTotalTime);
        map.put("errors_by_kind", byKind);
        return map;
    }

    /** speed_from_beginning quartiles median -5/+5; time_to_first_token quartiles ttft -0.1/+0.2 seconds. */
    private static Map<String, Object> aggregated(double medianSpeed, double medianTtft) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("time_to_first_token", summary(medianTtft, medianTtft - 0.1, medianTtft + 0.2));
        map.put("speed_from_beginning", summary(medianSpeed, medianSpeed - 5, medianSpeed + 5));
        return map;
    }

    private static Map<String, Object> summary(double median, double p25, double p75) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("mean", median);
        map.put("median", median);
        map.put("percentile_25", p25);
        map.put("percentile_75", p75);
        return map;
    }

    private static Map<String, Object> query(int promptLength, double ttft) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("prompt", "");
        map.put("prompt_length", promptLength);
        map.put("response_length", 1);
        map.put("time_to_first_token", ttft);
        map.put("success", true);
        map.put("timeout", false);
        return map;
    }

    private static Map<String, Object> sample(double timestamp, double running, double waiting, double usage) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("num_requests_running", running);
        map.put("num_requests_waiting", waiting);
        map.put("gpu_cache_usage_perc", usage);
        map.put("timestamp", timestamp);
        map.put("scrape_latency", 0.001);
        return map;
    }
}
