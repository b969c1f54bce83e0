package io.benchsuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench-suite report} on raw results written by older versions: a small suite's raw_results.zip written
 * before the raw-result format moved to its own package gives the report data it gave then, and a file in the
 * original tool's layout (no key this port added) is drawn.
 */
@QuarkusMainTest
class ReportOfOlderResultsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSuiteWrittenBeforeTheFormatMovedGivesTheSameReportData(QuarkusMainLauncher launcher, @TempDir Path out)
            throws IOException {
        copy("/results/before-format/raw_results.zip", out.resolve("raw_results.zip"));
        LaunchResult result =
                launcher.launch("report", "--output-folder", out.toString(), "--min-number-of-valid-queries", "1");
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        Path report = out.resolve("report");
        Map<String, Path> written = Map.of(
                "parameters.json",
                report.resolve("parameters.json"),
                "prompt_ingestion_graph_data.json",
                report.resolve("data/prompt_ingestion_graph_data.json"),
                "total_speed_generation_graph_data.json",
                report.resolve("data/total_speed_generation_graph_data.json"),
                "speed_generation_graph_data_input_32_output_16.json",
                report.resolve("speed_generation/data/speed_generation_graph_data_input_32_output_16.json"),
                "graph_kv_cache_profile_data_input_32_output_16.json",
                report.resolve("kv_cache_profile/data/graph_kv_cache_profile_data_input_32_output_16.json"));
        for (Map.Entry<String, Path> file : written.entrySet()) {
            JsonNode expected;
            try (InputStream in = getClass().getResourceAsStream("/results/before-format/expected/" + file.getKey())) {
                expected = JSON.readTree(in);
            }
            List<String> differences = new ArrayList<>();
            compare(file.getKey(), expected, JSON.readTree(file.getValue().toFile()), differences);
            assertTrue(differences.isEmpty(), String.join("\n", differences));
        }
    }

    @Test
    void aFileOfTheOriginalToolIsDrawn(QuarkusMainLauncher launcher, @TempDir Path out) throws IOException {
        String name = "generation_speed_input_1024_output_128_nb_requests_4.json";
        Files.createDirectories(out.resolve("raw_results"));
        copy("/results/original-tool/" + name, out.resolve("raw_results").resolve(name));
        LaunchResult result =
                launcher.launch("report", "--output-folder", out.toString(), "--min-number-of-valid-queries", "1");
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        JsonNode level = JSON.readTree(out.resolve(
                                "report/speed_generation/data/speed_generation_graph_data_input_1024_output_128.json")
                        .toFile())
                .get("4");
        assertEquals(40, level.get("total_number_of_queries").asInt(), level.toString());
        assertEquals(0.875, level.get("max_kv_cache").asDouble(), level.toString());
    }

    /**
     * Every key and value of {@code expected} is in {@code actual}, keys in the same order; keys the report
     * gained since are allowed, so that other changes to the report do not break this check.
     */
    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> differences) {
        if (expected.isObject() && actual.isObject()) {
            List<String> order = new ArrayList<>();
            actual.fieldNames().forEachRemaining(order::add);
            int last = -1;
            for (Iterator<String> keys = expected.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                int at = order.indexOf(key);
                if (at < 0) {
                    differences.add(path + "." + key + ": missing");
                    continue;
                }
                if (at < last) {
                    differences.add(path + "." + key + ": out of order");
                }
                last = at;
                compare(path + "." + key, expected.get(key), actual.get(key), differences);
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                compare(path + "[" + i + "]", expected.get(i), actual.get(i), differences);
            }
        } else if (!expected.equals(actual)) {
            differences.add(path + ": expected " + expected + " but was " + actual);
        }
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = ReportOfOlderResultsEndToEndTest.class.getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
    }
}
