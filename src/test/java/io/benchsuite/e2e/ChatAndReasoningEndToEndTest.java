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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chat API, the mistral backend and a reasoning model's stream, through the real command line against the
 * simulator, with scaled-down settings so that each test ends well within a minute.
 */
@QuarkusMainTest
class ChatAndReasoningEndToEndTest {

    private static final int REASONING_TOKENS = 4;
    private static final int OUTPUT = 12;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final SimulatorFixture reasoningModel = new SimulatorFixture(
            SimulatorConfig.fast().withStepBaseMs(4).withStepPerSeqMs(0).withReasoningTokens(REASONING_TOKENS));

    @TempDir
    Path dir;

    @Test
    void quickSuiteOverTheChatApiCountsChatChunks(QuarkusMainLauncher launcher) throws IOException {
        Path run = dir.resolve("run");
        LaunchResult result = launcher.launch(CliArgs.simulatedQuickSuite(run)
                .with("--api", "chat")
                .pairs("32", "16")
                .levels("1,2")
                .ingestionAndKvProfile("1", "2")
                .with("--max-duration-speed-generation", "3")
                .maxQueries(12)
                .with("--target-queries-nb-speed-generation", "6")
                .build());
        assertEquals(0, result.exitCode(), result.getErrorOutput());

        JsonNode ingestion = JSON.readTree(fromZip(run.resolve("raw_results.zip"), "prompt_ingestion_0.json"));
        assertEquals("chat", ingestion.get("parameters").get("api").asText());
        assertTrue(ingestion.get("parameters").get("output_length_forced").asBoolean());
        assertFalse(ingestion.get("individual_query").isEmpty());
        for (JsonNode q : ingestion.get("individual_query")) {
            assertEquals(1, q.get("chunk_count").asInt(), "the role chunk is not counted, the token chunk is");
            assertEquals(1, q.get("response_length").asInt());
            assertEquals("usage", q.get("token_count_source").asText());
            assertTrue(q.get("time_to_first_token").asDouble() > 0);
            assertEquals(
                    q.get("time_to_first_token").asDouble(),
                    q.get("time_to_first_content").asDouble(),
                    1e-9,
                    "no reasoning: the first token is the first content");
            assertFalse(q.get("output_length_mismatch").asBoolean());
        }
        JsonNode speed = JSON.readTree(
                fromZip(run.resolve("raw_results.zip"), "generation_speed_input_32_output_16_nb_requests_2.json"));
        assertEquals(0, speed.get("general_metrics").get("nb_errored_queries").asInt());
        assertEquals(
                0, speed.get("general_metrics").get("nb_output_length_mismatch").asInt());
        assertEquals(
                16.0,
                speed.get("aggregated_metrics")
                        .get("response_length")
                        .get("median")
                        .asDouble());
        assertTrue(speed.get("aggregated_metrics").has("time_to_first_content"));
    }

    @Test
    void reasoningStreamRecordsBothFirstTimesAndTheReasoningTokens(QuarkusMainLauncher launcher) throws IOException {
        Path out = dir.resolve("reasoning.json");
        LaunchResult result = launcher.launch(CliArgs.run(reasoningModel.baseUrl())
                .with("--backend", "vllm", "--api", "chat")
                .lengths(32, OUTPUT)
                .workers(2)
                .maxDuration("1")
                .outputFile(out)
                .queryMetrics()
                .build());
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        JsonNode json = JSON.readTree(out.toFile());
        assertFalse(json.get("individual_query").isEmpty());
        for (JsonNode q : json.get("individual_query")) {
            assertEquals(OUTPUT, q.get("response_length").asInt());
            assertEquals(OUTPUT, q.get("chunk_count").asInt(), "reasoning deltas are token arrivals");
            assertEquals(REASONING_TOKENS, q.get("reasoning_tokens").asInt());
            double ttft = q.get("time_to_first_token").asDouble();
            double ttfc = q.get("time_to_first_content").asDouble();
            assertTrue(ttft > 0 && ttfc > ttft, "content after the reasoning: TTFT " + ttft + ", TTFC " + ttfc);
            double fourthGap =
                    q.get("timestamp_of_tokens_arrival").get(REASONING_TOKENS).asDouble()
                            - q.get("starting_timestamp").asDouble();
            assertEquals(fourthGap, ttfc, 1e-6, "the first content is the token after the reasoning ones");
        }
        JsonNode aggregated = json.get("aggregated_metrics");
        assertTrue(aggregated.get("time_to_first_content").get("median").asDouble()
                > aggregated.get("time_to_first_token").get("median").asDouble());
    }

    @Test
    void mistralBackendSpeaksChatWithTheModelGiven(QuarkusMainLauncher launcher) throws IOException {
        Path out = dir.resolve("mistral.json");
        LaunchResult result = launcher.launch(CliArgs.run(reasoningModel.baseUrl())
                .with("--backend", "mistral", "--model", "sim-model")
                .lengths(32, OUTPUT)
                .maxDuration("1")
                .outputFile(out)
                .queryMetrics()
                .kvCacheProfile()
                .build());
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        JsonNode json = JSON.readTree(out.toFile());
        assertEquals("mistral", json.get("parameters").get("backend").asText());
        assertEquals("chat", json.get("parameters").get("api").asText());
        assertEquals(-1, json.get("general_metrics").get("max_kv_cache").asDouble(), "no metrics endpoint");
        assertFalse(json.has("kv_cache_profile"), "no KV-cache profile without metrics");
        for (JsonNode q : json.get("individual_query")) {
            // The original mistral body asks for no usage: the count is the chunks', and says so.
            assertEquals("chunks", q.get("token_count_source").asText());
            assertEquals(OUTPUT, q.get("response_length").asInt(), "min_tokens = max_tokens forces the length");
            assertFalse(q.get("output_length_mismatch").asBoolean());
        }

        LaunchResult noModel = launcher.launch(CliArgs.run(reasoningModel.baseUrl())
                .with("--backend", "mistral")
                .outputLength(4)
                .outputFile(dir.resolve("never.json"))
                .build());
        assertEquals(2, noModel.exitCode(), noModel.getErrorOutput());
        assertTrue(noModel.getErrorOutput().contains("--model"), noModel.getErrorOutput());
        assertFalse(Files.exists(dir.resolve("never.json")));
    }

    private static byte[] fromZip(Path zip, String entry) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry e = file.getEntry(entry);
            assertNotNull(e, entry + " in " + zip);
            return file.getInputStream(e).readAllBytes();
        }
    }
}
