package io.benchsuite.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchsuite.config.Api;
import io.benchsuite.config.Backend;
import io.benchsuite.record.CompletionRequest;
import io.benchsuite.record.Outcome;
import io.benchsuite.record.RequestRecord;
import io.benchsuite.simulator.RunningSimulator;
import io.benchsuite.simulator.ServerFlavour;
import io.benchsuite.simulator.Simulator;
import io.benchsuite.simulator.SimulatorConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The one rule of token accounting against every flavour of the simulator, over real HTTP: for each request
 * body a backend sends (continuous usage, a final usage only, no usage at all), on both APIs, with and
 * without reasoning tokens, the sum of the arrivals' tokens equals the token-bearing events (without
 * continuous usage) or {@code usage.completion_tokens} (with it). The expected values are read from the raw
 * bytes with a plain JSON parser, independently of the client's decoder; then the real client reads a live
 * stream of the same shape.
 */
class SimulatorStreamAccountingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int OUTPUT = 12;
    private static final int REASONING = 5;

    @Test
    void arrivalsSumToTheEventsOrToTheUsageOnEveryFlavour() throws Exception {
        for (ServerFlavour flavour : ServerFlavour.values()) {
            for (int reasoning : new int[] {0, REASONING}) {
                SimulatorConfig config =
                        SimulatorConfig.fast().withFlavour(flavour).withReasoningTokens(reasoning);
                try (RunningSimulator simulator = Simulator.start(config, "127.0.0.1", 0)) {
                    for (Backend backend : Backend.values()) {
                        if (backend == Backend.AUTO) {
                            continue; // resolved to one of the others before any request is built
                        }
                        for (Api api : Api.values()) {
                            check(
                                    simulator,
                                    flavour + "/" + backend.id() + "/" + api.id() + "/reasoning " + reasoning,
                                    backend,
                                    api,
                                    reasoning);
                        }
                    }
                }
            }
        }
    }

    private static void check(RunningSimulator simulator, String what, Backend backend, Api api, int reasoning)
            throws Exception {
        byte[] body = RequestBodies.request(backend, api, "sim-model", "Count to twelve", OUTPUT);
        // A client per request: the llama.cpp flavour closes the connection after each stream, as llama.cpp does.
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String raw = http.send(
                        HttpRequest.newBuilder(URI.create(simulator.baseUrl() + api.defaultPath()))
                                .header("content-type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .timeout(Duration.ofSeconds(20))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();

        int tokenEvents = 0;
        int lastUsage = -1;
        boolean continuous = false;
        for (String event : StreamShapesTest.events(raw)) {
            String data = event.strip().substring("data:".length()).strip();
            if (data.equals("[DONE]")) {
                continue;
            }
            JsonNode chunk = JSON.readTree(data);
            JsonNode choice = chunk.path("choices").path(0);
            boolean bearsToken = !choice.path("text").asText("").isEmpty()
                    || !choice.path("delta").path("content").asText("").isEmpty()
                    || !choice.path("delta")
                            .path("reasoning_content")
                            .asText("")
                            .isEmpty();
            if (bearsToken) {
                tokenEvents++;
                continuous |= chunk.path("usage").isObject();
            }
            if (chunk.path("usage").isObject()) {
                lastUsage = chunk.path("usage").path("completion_tokens").asInt();
            }
        }
        RequestRecord record = StreamShapesTest.record(raw, OUTPUT);
        assertEquals(Outcome.SUCCESS, record.outcome(), what + ": " + record.errorMessage());
        assertEquals(tokenEvents, record.chunkCount(), what + ": one arrival per token-bearing event");
        assertEquals(continuous ? lastUsage : tokenEvents, record.chunkTokenSum(), what);
        if (api == Api.CHAT && reasoning > 0) {
            assertTrue(record.details().hasFirstContent(), what);
            assertEquals(
                    record.chunkNanosAt(reasoning),
                    record.details().firstContentNanos(),
                    what + ": the first content comes after the reasoning tokens");
            if (lastUsage >= 0) {
                // llama.cpp's usage has no completion_tokens_details: the count is not given, not 0.
                assertEquals(
                        what.startsWith("LLAMACPP") ? -1 : reasoning,
                        record.details().reasoningTokens(),
                        what);
            }
        } else if (tokenEvents > 0) {
            assertEquals(record.chunkNanosAt(0), record.details().firstContentNanos(), what);
        }
    }

    @Test
    void theStreamingClientReadsAReasoningChatStreamOverHttp() throws Exception {
        SimulatorConfig config = SimulatorConfig.fast().withStepBaseMs(5).withReasoningTokens(REASONING);
        try (RunningSimulator simulator = Simulator.start(config, "127.0.0.1", 0);
                StreamingClient client = StreamingClient.standalone(new ClientOptions(
                        URI.create(simulator.baseUrl()),
                        Api.CHAT.defaultPath(),
                        Optional.empty(),
                        2,
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(5),
                        true))) {
            RequestRecord record = client.send(
                            new CompletionRequest(0, "Think first", OUTPUT, System.nanoTime()),
                            RequestBodies.request(Backend.VLLM, Api.CHAT, "sim-model", "Think first", OUTPUT))
                    .get();
            assertEquals(Outcome.SUCCESS, record.outcome(), record.errorMessage());
            assertEquals(OUTPUT, record.chunkTokenSum());
            assertEquals(OUTPUT, record.generatedTokens());
            assertEquals(REASONING, record.details().reasoningTokens());
            assertTrue(
                    record.details().firstContentNanos() > record.chunkNanosAt(0),
                    "time to first content after the time to first token");
            assertEquals(record.chunkNanosAt(REASONING), record.details().firstContentNanos());
        }
    }
}
