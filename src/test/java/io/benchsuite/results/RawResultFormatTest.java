package io.benchsuite.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.benchsuite.record.ErrorKind;
import io.benchsuite.stats.AggregatedStatistic;
import io.benchsuite.stats.QueryStats;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The raw-result format: the writer gives the very bytes the hand-built maps gave before the format got its
 * own home (golden files written by that code), what it writes reads back equal, and older files still read.
 */
class RawResultFormatTest {

    @TempDir
    Path dir;

    /**
     * After a field is added (docs/raw-results.md), {@code -Dgolden.update=true} rewrites the golden files so
     * the format change shows as a reviewed diff of them.
     */
    @Test
    void writesTheBytesTheHandBuiltMapsWrote() throws IOException {
        Map<String, RawResult> golden =
                Map.of("every_field.json", RawResultFixtures.everyField(), "minimal.json", RawResultFixtures.minimal());
        for (Map.Entry<String, RawResult> file : golden.entrySet()) {
            byte[] written = RawResultWriter.bytes(file.getValue());
            if (Boolean.getBoolean("golden.update")) {
                Files.write(Path.of("src/test/resources/results/golden").resolve(file.getKey()), written);
            }
            assertEquals(
                    resource("golden/" + file.getKey()),
                    text(written),
                    file.getKey()
                            + ": the bytes written changed; if a field was added on purpose, see docs/raw-results.md");
        }
    }

    @Test
    void aFileWrittenReadsBackEqual() throws IOException {
        for (RawResult result : List.of(RawResultFixtures.everyField(), RawResultFixtures.minimal())) {
            Path file = dir.resolve("generation_speed_input_1024_output_128_nb_requests_4.json");
            RawResultWriter.write(file, result);
            assertEquals(result, RawResultReader.read(file));
        }
    }

    /** Every component but the parameters is carried over, including one added later (checked by reflection). */
    @Test
    void withParameterAddsOneParameterAndKeepsEverythingElse() throws ReflectiveOperationException {
        RawResult original = RawResultFixtures.everyField();
        Map<String, Object> before = new LinkedHashMap<>(original.parameters());
        RawResult changed = original.withParameter("sweep_reason", "below the threshold");

        Map<String, Object> expected = new LinkedHashMap<>(before);
        expected.put("sweep_reason", "below the threshold");
        assertEquals(expected, changed.parameters());
        assertEquals(before, original.parameters(), "the original's parameters are left as they were");
        for (RecordComponent component : RawResult.class.getRecordComponents()) {
            if (!component.getName().equals("parameters")) {
                Method accessor = component.getAccessor();
                assertEquals(accessor.invoke(original), accessor.invoke(changed), component.getName());
            }
        }
        assertEquals(
                "below the threshold",
                changed.withParameter("model", "other").parameters().get("sweep_reason"),
                "a second call keeps the first parameter");
    }

    @Test
    void validQueriesAreStoredWithoutTheirPromptAndErroredOnesWithIt() throws IOException {
        QueryStats valid = RawResultFixtures.erroredQuery();
        RawResult result = new RawResult(
                RawResultFixtures.parameters(),
                RawResultFixtures.general(),
                RawResultFixtures.aggregated(),
                List.of(valid),
                Optional.of(List.of(valid)),
                Optional.empty(),
                0,
                true,
                0,
                Optional.empty());
        JsonNode json = JsonFiles.MAPPER.readTree(RawResultWriter.bytes(result));
        assertEquals("", json.get("individual_query").get(0).get("prompt").asText());
        assertEquals(
                valid.prompt(), json.get("errored_queries").get(0).get("prompt").asText());
        assertFalse(json.has("kv_cache_profile"), "an absent list is left out, as the original did");
        assertFalse(json.get("errored_queries").get(0).has("valid"), "derived values are not written");
    }

    @Test
    void theOriginalToolsFilesReadWithNeutralValuesForWhatTheyLack() throws IOException {
        RawResult result =
                RawResultReader.read(bytes("original-tool/generation_speed_input_1024_output_128_nb_requests_4.json"));
        assertTrue(result.complete(), "no \"complete\" key: the original only wrote finished benchmarks");
        assertEquals(0, result.scrapeFailures());
        assertEquals("happy_vllm", result.parameters().get("backend"));
        assertEquals(0.0, result.general().speedWithoutWaitingTime(), "missing when total_time was 0");
        assertEquals(0.875, result.general().maxKvCache());
        // The errored query lacks error_kind: it failed without timing out, so OTHER, and counted so.
        assertEquals(ErrorKind.OTHER, result.errored().get(0).errorKind());
        assertEquals(1, result.general().errorsByKind().get(ErrorKind.OTHER));
        assertEquals(0, result.general().errorsByKind().get(ErrorKind.TIMEOUT));
        assertEquals(
                List.of(ErrorKind.NONE, ErrorKind.TIMEOUT),
                result.individual().orElseThrow().stream()
                        .map(QueryStats::errorKind)
                        .toList());
        assertEquals(0.0, result.kvProfile().orElseThrow().get(0).scrapeLatency());
        assertEquals(10, result.aggregated().byStatistic().size());
        assertEquals(
                7.51,
                result.aggregated()
                        .get(AggregatedStatistic.SPEED_FROM_BEGINNING)
                        .orElseThrow()
                        .mean(),
                1e-12);
    }

    @Test
    void unknownKeysKindsAndStatisticsAreNeverFatal() throws IOException {
        String json = resource("golden/every_field.json")
                .replace("\"complete\" : false", "\"complete\" : false, \"a_key_from_later\" : {\"busy\" : 0.5}")
                .replace("\"queue_delay\" : 0.003", "\"queue_delay\" : 0.003, \"a_query_key_from_later\" : 12")
                .replace("\"HTTP_STATUS\" : 0", "\"HTTP_STATUS\" : 0, \"A_KIND_FROM_LATER\" : 4")
                .replace("\"error_kind\" : \"HTTP_STATUS\"", "\"error_kind\" : \"A_KIND_FROM_LATER\"")
                .replace(
                        "\"aggregated_metrics\" : {",
                        "\"aggregated_metrics\" : { \"a_statistic_from_later\" : "
                                + "{\"mean\" : 1.0}, \"not_an_object\" : 3,");
        RawResult result = RawResultReader.read(json.getBytes(StandardCharsets.UTF_8));
        RawResult expected = RawResultFixtures.everyField();
        assertEquals(expected.aggregated(), result.aggregated());
        assertEquals(
                expected.general().errorsByKind().get(ErrorKind.OTHER) + 4,
                result.general().errorsByKind().get(ErrorKind.OTHER));
        assertEquals(ErrorKind.OTHER, result.errored().get(0).errorKind());
        assertEquals(expected.individual(), result.individual());
    }

    @Test
    void whatNoReportCanDoWithoutIsRequiredAndNamed() {
        assertEquals(
                "no \"general_metrics\" object",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> RawResultReader.read("{\"parameters\" : {}}".getBytes(StandardCharsets.UTF_8)))
                        .getMessage());
        assertEquals(
                "no number \"total_time\"",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> RawResultReader.read(("{\"parameters\" : {}, \"general_metrics\" : {"
                                                + "\"total_number_of_queries\" : 1, \"nb_timeout_queries\" : 0, \"nb_errored_queries\" : 0}}")
                                        .getBytes(StandardCharsets.UTF_8)))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> RawResultReader.read("[]".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> RawResultReader.read("{\"parameters\"".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyRawResultOfASuiteWrittenBeforeTheMoveReads() throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/results/before-format/raw_results.zip");
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                byte[] bytes = zip.readAllBytes();
                RawFileName name = RawFileName.parse(entry.getName()).orElseThrow();
                RawResult result = RawResultReader.read(bytes);
                assertTrue(result.complete(), entry.getName());
                assertTrue(result.general().totalNumberOfQueries() > 0, entry.getName());
                // Written by the code before the move, rewritten by today's: every key in its place, same value
                // (fields added since may come in between).
                List<String> differences = new ArrayList<>();
                sameKeysInOrder(
                        entry.getName(),
                        JsonFiles.MAPPER.readTree(bytes),
                        JsonFiles.MAPPER.readTree(RawResultWriter.bytes(result)),
                        differences);
                assertEquals(List.of(), differences);
                names.add(name.fileName());
            }
        }
        assertEquals(4, names.size(), names.toString());
    }

    /** Every key and value of {@code expected} is in {@code actual}, keys in the same relative order. */
    private static void sameKeysInOrder(String path, JsonNode expected, JsonNode actual, List<String> differences) {
        if (expected.isObject() && actual.isObject()) {
            List<String> order = new ArrayList<>();
            actual.fieldNames().forEachRemaining(order::add);
            int last = -1;
            for (Iterator<String> keys = expected.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                int at = order.indexOf(key);
                if (at < 0 || at < last) {
                    differences.add(path + "." + key + (at < 0 ? ": missing" : ": out of order"));
                    continue;
                }
                last = at;
                sameKeysInOrder(path + "." + key, expected.get(key), actual.get(key), differences);
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                sameKeysInOrder(path + "[" + i + "]", expected.get(i), actual.get(i), differences);
            }
        } else if (!expected.equals(actual)) {
            differences.add(path + ": expected " + expected + " but was " + actual);
        }
    }

    private static String resource(String path) throws IOException {
        return text(bytes(path));
    }

    private static byte[] bytes(String path) throws IOException {
        try (InputStream in = RawResultFormatTest.class.getResourceAsStream("/results/" + path)) {
            if (in == null) {
                throw new IOException("no test resource /results/" + path);
            }
            return in.readAllBytes();
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
