package io.benchsuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --quick} against a realistic server: the simulator's {@code a100-7b} preset, where a request of 128
 * output tokens takes about 2 s. Every pair must run at least three levels, the model card must have its
 * headline figure (the speed at 10 parallel requests, which quick's levels include), thresholds.csv must say
 * which thresholds were measured and which lie outside the levels run, the report must say it was a quick run
 * and against which server, and the progress must count requests sensibly. All in about three minutes.
 */
@QuarkusMainTest
class QuickA100EndToEndTest {

    private static final Set<String> STATUSES = Set.of("measured", "not_reached", "below_lowest_level");

    @TempDir
    Path dir;

    @Test
    void aQuickSuiteAgainstTheA100PresetHasItsHeadlineAndSaysWhatWasMeasured(QuarkusMainLauncher launcher)
            throws IOException {
        Path run = dir.resolve("run");
        LaunchResult result = launcher.launch(
                "--simulate",
                "--simulator-preset",
                "a100-7b",
                "--quick",
                "--run-folder",
                run.toString(),
                "--dataset-folder",
                "datasets",
                "--gpu-name",
                "A100 (simulated)");
        LocalDateTime ended = LocalDateTime.now();
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        Path report = run.resolve("report");
        JsonNode parameters =
                new ObjectMapper().readTree(report.resolve("parameters.json").toFile());
        // The suite's own duration, from the start of its server session (suite_id) to the report drawn; the
        // application's start-up, slow on a loaded test machine, is not the suite's: about three minutes.
        LocalDateTime started = LocalDateTime.parse(
                parameters.get("suite_id").asText(), DateTimeFormatter.ofPattern("yyyy-MM-dd, HH:mm:ss"));
        long seconds = Duration.between(started, ended).toSeconds();
        assertTrue(seconds < 190, "a quick suite takes about three minutes at most: " + seconds + " s");

        // Every pair ran at least three levels, and its thresholds say whether they were measured.
        List<String> csv = Files.readAllLines(report.resolve("thresholds.csv"));
        assertEquals(
                "speed_threshold,kv_cache_threshold,input_length,output_length,speed_threshold_status,"
                        + "kv_cache_threshold_status,levels_run,slo_capacity,slo_goodput_rps",
                csv.get(0));
        assertEquals(4, csv.size() - 1, csv.toString());
        for (String row : csv.subList(1, csv.size())) {
            String[] cells = row.split(",", -1);
            assertEquals(9, cells.length, row);
            assertEquals("", cells[7] + cells[8], "no --slo, no capacity under objectives: " + row);
            List<Integer> levels =
                    Arrays.stream(cells[6].split(";")).map(Integer::parseInt).toList();
            assertTrue(levels.size() >= 3, "at least three levels per pair: " + row);
            assertTrue(levels.contains(10), "the headline level ran: " + row);
            assertTrue(STATUSES.contains(cells[4]) && STATUSES.contains(cells[5]), row);
            int highest = levels.get(levels.size() - 1);
            // 304,000 tokens of KV cache: no quick level comes near it, and the limit is not where it stopped.
            assertEquals("not_reached", cells[5], row);
            assertEquals(highest, Integer.parseInt(cells[1]), row);
            if (cells[4].equals("not_reached")) {
                assertEquals(highest, Integer.parseInt(cells[0]), row);
            }
        }

        // The headline: the median speed at (1024, 128) with 10 parallel requests, naming that level.
        String card = Files.readString(report.resolve("README.md"));
        Matcher headline = Pattern.compile("\\| Median speed per request, input 1024 / output 128 tokens, 10 parallel "
                        + "requests \\| ~(\\d+) t/s for each request \\|")
                .matcher(card);
        assertTrue(headline.find(), card);
        int speed = Integer.parseInt(headline.group(1));
        // a100-7b decodes a step in 15 ms + 0.2 ms per sequence: about 60 t/s per request at 10 in parallel,
        // less the time to first token.
        assertTrue(speed >= 35 && speed <= 70, "headline speed " + speed);
        assertTrue(card.contains("Quick run (--quick)"), card);
        assertTrue(
                card.contains("holds up to 16 (the largest level run; limit not reached)"),
                "untested KV limits read as such: " + card);

        assertTrue(parameters.get("quick").asBoolean(), parameters.toString());
        String url = parameters.get("base_url").asText();
        assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+"), url);
        String html = Files.readString(report.resolve("index.html"));
        assertTrue(html.contains("Measured against " + url + ". Quick run (--quick)"), "index.html says it too");

        // Progress: never more requests done than planned, and no target for benchmarks bounded by time.
        Matcher counts = Pattern.compile("(\\d+)/(\\d+) requests").matcher(result.getErrorOutput());
        while (counts.find()) {
            assertTrue(Integer.parseInt(counts.group(1)) <= Integer.parseInt(counts.group(2)), counts.group());
        }
        assertFalse(
                result.getErrorOutput()
                        .lines()
                        .anyMatch(l -> l.contains("KV-cache profile |") && l.contains("/200 requests")),
                result.getErrorOutput());
    }
}
