package io.benchsuite.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every form of the .env grammar, each expected map being what python-dotenv 1.2.4's {@code dotenv_values}
 * returns for the same text (run once by hand, with the environment FROM_ENV=env-value and A=env-A), so
 * that the original tool's .env files give the same settings here.
 */
class DotEnvFileTest {

    private static final Map<String, String> ENVIRONMENT = Map.of("FROM_ENV", "env-value", "A", "env-A");

    @TempDir
    Path dir;

    private record Row(String name, String text, Map<String, String> expected) {}

    /** @param keyValues key, value, key, value... in the order python-dotenv gives them; null for no value */
    private static Row row(String name, String text, String... keyValues) {
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            expected.put(keyValues[i], keyValues[i + 1]);
        }
        return new Row(name, text, expected);
    }

    private static final List<Row> ROWS = List.of(
            row("plain", "A=plain", "A", "plain"),
            row("double quotes", "A=\"double quoted\"", "A", "double quoted"),
            row("single quotes", "A='single quoted'", "A", "single quoted"),
            row("export prefix", "export A=exported", "A", "exported"),
            row("export with spaces", "export   A = \"x y\"", "A", "x y"),
            row("comment after unquoted", "A=value # comment", "A", "value"),
            row("tab before comment", "A=value\t# comment", "A", "value"),
            row("hash inside unquoted", "A=a#b", "A", "a#b"),
            row("hash right after equals", "A=#x", "A", "#x"),
            row("spaces around equals", "A  =  spaced", "A", "spaced"),
            row("indented", "   A=indented", "A", "indented"),
            row("trailing spaces dropped", "A=  y  ", "A", "y"),
            row("comment line and blank lines", "# a comment\n\n\nA=1\n   # another\n", "A", "1"),
            row(
                    "double-quote escapes",
                    "A=\"l1\\nl2\\ttab \\\"q\\\" back\\\\slash \\x\"",
                    "A",
                    "l1\nl2\ttab \"q\" back\\slash \\x"),
            row("single-quote escapes", "A='it\\'s \\\\ \\n kept'", "A", "it's \\ \\n kept"),
            row("multi-line double quotes", "A=\"line1\nline2\"", "A", "line1\nline2"),
            row("multi-line single quotes", "A='line1\nline2'", "A", "line1\nline2"),
            row("comment after quoted", "A=\"a\" # comment", "A", "a"),
            row("quoted value followed by junk is skipped", "A=\"a\" junk\nB=2", "B", "2"),
            row("quoted key", "'A'=quoted key", "A", "quoted key"),
            row("no equals sign", "A", "A", null),
            row("empty value", "A=", "A", ""),
            row("empty quoted", "A=\"\"", "A", ""),
            row("expansion of earlier key", "B=base\nA=${B}/x", "B", "base", "A", "base/x"),
            row("expansion from environment", "A=${FROM_ENV}", "A", "env-value"),
            row("file beats environment in expansion", "A=file-A\nB=${A}", "A", "file-A", "B", "file-A"),
            row("default when unset", "A=${UNSET:-fallback}", "A", "fallback"),
            row("unset without default is empty", "A=[${UNSET}]", "A", "[]"),
            row("expansion in double quotes", "B=b\nA=\"${B} q\"", "B", "b", "A", "b q"),
            row("expansion in single quotes", "B=b\nA='${B} q'", "B", "b", "A", "b q"),
            row("dollar without braces stays", "A=$FROM_ENV", "A", "$FROM_ENV"),
            row("unterminated double quote skipped", "A=\"open\nB=2", "B", "2"),
            row("quote inside unquoted", "A=say \"hi\"", "A", "say \"hi\""),
            row("key given twice", "A=1\nB=2\nA=3", "A", "3", "B", "2"),
            row("equals in value", "A=k=v", "A", "k=v"),
            row("crlf", "A=1\r\nB=2\r\n", "A", "1", "B", "2"),
            row("no key", "=value\nB=2", "B", "2"));

    @TestFactory
    Stream<DynamicTest> eachFormParsesAsPythonDotenvDoes() {
        return ROWS.stream()
                .map(row -> DynamicTest.dynamicTest(row.name(), () -> {
                    Map<String, String> actual =
                            DotEnvFile.parse(row.text(), ENVIRONMENT).values();
                    assertEquals(row.expected(), actual, row.name());
                    assertEquals(
                            new ArrayList<>(row.expected().keySet()),
                            new ArrayList<>(actual.keySet()),
                            row.name() + ": key order");
                }));
    }

    @Test
    void skippedStatementsAreReportedByLine() {
        DotEnvFile.Parsed parsed = DotEnvFile.parse("A=1\nB=\"b\" junk\n\nC=3\n=nokey\n", Map.of());
        assertEquals(Map.of("A", "1", "C", "3"), parsed.values());
        assertEquals(List.of(2, 5), parsed.skippedLines());
    }

    @Test
    void aFileIsReadWithUniversalNewlines() throws IOException {
        Path file = dir.resolve(".env");
        Files.writeString(file, "A=\"one\r\ntwo\"\r\nB=2\rC=3\r\n");
        assertEquals(
                Map.of("A", "one\ntwo", "B", "2", "C", "3"),
                DotEnvFile.read(file, Map.of()).values());
    }

    @Test
    void theOriginalToolsEnvExampleGivesPythonDotenvsMap() throws IOException {
        // python-dotenv 1.2.4: dotenv_values("../shared/seed/original.env.example"), copied into the test resources.
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("HOST", "localhost");
        expected.put("PORT", "8000");
        expected.put("DATASET_FOLDER", "src/benchmark_llm_serving/datasets");
        expected.put("OUTPUT_FOLDER", "results");
        expected.put("GPU_NAME", "A100-80g");
        expected.put("STEP_LIVE_METRICS", "0.01");
        expected.put("MAX_QUERIES", "1000");
        expected.put("MAX_DURATION_PROMPT_INGESTION", "600");
        expected.put("MAX_DURATION_KV_CACHE_PROFILE", "600");
        expected.put("MAX_DURATION_SPEED_GENERATION", "6000");
        expected.put("MIN_DURATION_SPEED_GENERATION", "300");
        expected.put("TARGET_QUERIES_NB_SPEED_GENERATION", "60");
        expected.put("MIN_NUMBER_OF_VALID_QUERIES", "50");
        expected.put("BACKEND", "happy_vllm");
        expected.put("COMPLETIONS_ENDPOINT", "/v1/completions");
        expected.put("METRICS_ENDPOINT", "/metrics/");
        expected.put("INFO_ENDPOINT", "/v1/info");
        expected.put("LAUNCH_ARGUMENTS_ENDPOINT", "/v1/launch_arguments");
        DotEnvFile.Parsed parsed = DotEnvFile.read(Path.of("src/test/resources/dotenv/original.env.example"), Map.of());
        assertEquals(expected, parsed.values());
        assertEquals(
                new ArrayList<>(expected.keySet()),
                new ArrayList<>(parsed.values().keySet()));
        assertEquals(List.of(), parsed.skippedLines());
    }
}
