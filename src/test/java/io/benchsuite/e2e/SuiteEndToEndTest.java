package io.benchsuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchsuite.simulator.SimulatorConfig;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, {@code bench-suite --simulate --quick} (with shorter prompt-ingestion runs and
 * KV-cache profiles), through the real command line: every report file exists and is well formed, the
 * thresholds agree with the simulator's known capacity, and the KV-cache profile shows requests waiting once the
 * simulated cache is full. Then {@code --quick} itself, unchanged, against the a100-7b preset (the second test).
 */
@QuarkusMainTest
class SuiteEndToEndTest {

    private static final Set<String> STATUSES = Set.of("measured", "not_reached", "below_lowest_level");

    @TempDir
    Path dir;

    @Test
    void quickSimulatedSuiteWritesACompleteReport(QuarkusMainLauncher launcher) throws IOException {
        Path run = dir.resolve("run");
        LaunchResult result = launcher.launch(CliArgs.simulatedQuickSuite(run)
                // Shorter than quick's 3 s and 8 s (the a100-7b test below runs quick's own durations): the
                // ingestion graph needs a few prompts only, and the long pair's profile fills the cache (4 of its
                // requests outgrow it, one is preempted and waits) from its 4th burst: under 2 s in at about 0.5 s
                // a burst on a quiet machine, under 5 s at 1.4 s a burst on a loaded one.
                .ingestionAndKvProfile("1", "6")
                .with("--gpu-name", "simulated")
                .build());
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        Path report = run.resolve("report");
        ObjectMapper json = new ObjectMapper();

        try (Stream<Path> files = Files.walk(report)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".png")) {
                    BufferedImage image = ImageIO.read(file.toFile());
                    assertNotNull(image, "PNG decodes: " + file);
                    assertTrue(image.getWidth() >= 600 && image.getHeight() >= 400, file + " is readable");
                } else if (name.endsWith(".json")) {
                    json.readTree(file.toFile());
                }
            }
        }
        for (String required : List.of(
                "README.md",
                "index.html",
                "parameters.json",
                "thresholds.csv",
                "prompt_ingestion_graph.png",
                "total_speed_generation_graph.png",
                "data/prompt_ingestion_graph_data.json",
                "data/total_speed_generation_graph_data.json",
                "kv_cache_profile/graph_kv_cache_profile_input_1024_output_128.png",
                "speed_generation/speed_generation_graph_input_1024_output_128.png",
                "speed_generation/data/speed_generation_graph_data_input_1024_output_128.json")) {
            assertTrue(Files.isRegularFile(report.resolve(required)), "report/" + required);
        }
        assertTrue(Files.isRegularFile(run.resolve("raw_results.zip")));
        String html = Files.readString(report.resolve("index.html"));
        assertTrue(html.contains("data:image/png;base64,"), "images embedded in index.html");
        assertEquals(
                "simulated",
                json.readTree(report.resolve("parameters.json").toFile())
                        .get("gpu_name")
                        .asText());

        // thresholds.csv: one row per pair, sorted, and the KV thresholds the demo preset's cache implies.
        List<String> csv = Files.readAllLines(report.resolve("thresholds.csv"));
        // The original's columns first; the threshold statuses and levels run follow (the a100-7b test below).
        assertTrue(csv.get(0).startsWith("speed_threshold,kv_cache_threshold,input_length,output_length,"), csv.get(0));
        assertEquals(4, csv.size() - 1, csv.toString());
        Map<String, Integer> kvThreshold = new HashMap<>();
        for (String row : csv.subList(1, csv.size())) {
            String[] cells = row.split(",");
            kvThreshold.put(cells[2] + "/" + cells[3], Integer.parseInt(cells[1]));
        }
        assertEquals(
                List.of("32,16", "32,128", "1024,16", "1024,128"),
                csv.subList(1, csv.size()).stream()
                        .map(r -> r.split(",")[2] + "," + r.split(",")[3])
                        .toList(),
                "rows sorted by input then output");
        SimulatorConfig demo = SimulatorConfig.demo();
        int blocksPerLongRequest = (1024 + 128 + demo.blockSize() - 1) / demo.blockSize();
        int longRequestsThatFit = demo.kvBlocks() / blocksPerLongRequest; // 3: the 4th runs the cache full
        int threshold = kvThreshold.get("1024/128");
        assertTrue(
                threshold >= 1 && threshold <= longRequestsThatFit,
                "KV threshold of (1024,128) " + threshold + " within the cache's capacity " + longRequestsThatFit);
        assertEquals(16, kvThreshold.get("32/16"), "short requests never fill the cache");

        // The KV profile of the long pair saw the cache full and requests waiting.
        JsonNode raw = json.readTree(
                readFromZip(run.resolve("raw_results.zip"), "kv_cache_profile_input_1024_output_128.json"));
        assertTrue(
                raw.get("general_metrics").get("max_requests_waiting").asDouble() > 0,
                "requests wait once the cache is full");
        assertTrue(raw.get("general_metrics").get("max_kv_cache").asDouble() >= 0.9);
        assertFalse(raw.get("kv_cache_profile").isEmpty());

        // Redrawing from the zip alone uses the run's own thresholds (--quick's 5 valid queries, not 50).
        LaunchResult redraw = launcher.launch("report", "--output-folder", run.toString());
        assertEquals(0, redraw.exitCode(), redraw.getErrorOutput());
        assertTrue(
                Files.isRegularFile(
                        report.resolve("speed_generation/speed_generation_graph_input_1024_output_128.png")),
                "graphs redrawn");
        assertEquals(csv, Files.readAllLines(report.resolve("thresholds.csv")), "same thresholds after a redraw");
    }

    // Formerly QuickA100EndToEndTest, moved here so that the two quick suites share one application build
    // (each @QuarkusMainTest class builds the application once, 15-25 s on the shared machine).
    // --quick against a realistic server: the simulator's a100-7b preset, where a request of 128
    // output tokens takes about 2 s. Every pair must run at least three levels, the model card must have its
    // headline figure (the speed at 10 parallel requests, which quick's levels include), thresholds.csv must say
    // which thresholds were measured and which lie outside the levels run, the report must say it was a quick run
    // and against which server, and the progress must count requests sensibly. All in about three minutes.
    @Test
    void aQuickSuiteAgainstTheA100PresetHasItsHeadlineAndSaysWhatWasMeasured(QuarkusMainLauncher launcher)
            throws IOException {
        Path run = dir.resolve("run");
        LaunchResult result = launcher.launch(CliArgs.simulatedQuickSuite(run)
                .with("--simulator-preset", "a100-7b", "--gpu-name", "A100 (simulated)")
                .build());
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

    private static byte[] readFromZip(Path zip, String entry) throws IOException {
        try (java.util.zip.ZipFile file = new java.util.zip.ZipFile(zip.toFile())) {
            java.util.zip.ZipEntry e = file.getEntry(entry);
            assertNotNull(e, entry + " in " + zip);
            return file.getInputStream(e).readAllBytes();
        }
    }
}
