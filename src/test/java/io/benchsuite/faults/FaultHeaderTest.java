package io.benchsuite.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.simulator.ConfiguredFaultPolicy;
import io.benchsuite.simulator.FaultConfig;
import io.benchsuite.simulator.FaultPolicy;
import io.benchsuite.simulator.RunningSimulator;
import io.benchsuite.simulator.Simulator;
import io.benchsuite.simulator.SimulatorConfig;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The X-Sim-Fault header on the wire: obeyed with --allow-fault-header only, and a bad value is a 400. */
class FaultHeaderTest {

    private static final SimulatorConfig QUICK =
            SimulatorConfig.exact().withFirstTokenMs(5).withInterTokenMs(2);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static HttpResponse<String> post(RunningSimulator simulator, String fault) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/v1/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"sim-model\",\"prompt\":\"hi\",\"max_tokens\":3,\"stream\":true}"));
        if (fault != null) {
            request.header(ConfiguredFaultPolicy.HEADER, fault);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> metrics(RunningSimulator simulator, String fault) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/metrics"))
                        .header(ConfiguredFaultPolicy.HEADER, fault)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void status429IsVllmShapedWithRetryAfter() throws Exception {
        try (RunningSimulator simulator =
                Simulator.start(QUICK, "127.0.0.1", 0, new ConfiguredFaultPolicy(FaultConfig.headerOnly()))) {
            HttpResponse<String> response = post(simulator, "status:429");
            assertEquals(429, response.statusCode());
            assertEquals(Optional.of("1"), response.headers().firstValue("retry-after"));
            JsonObject body = new JsonObject(response.body());
            assertEquals("error", body.getString("object"));
            assertEquals("RateLimitError", body.getString("type"));
            assertEquals(429, body.getInteger("code"));

            HttpResponse<String> healthy = post(simulator, null);
            assertEquals(200, healthy.statusCode());
            assertTrue(healthy.body().endsWith("data: [DONE]\n\n"), healthy.body());

            HttpResponse<String> truncated = post(simulator, "no-done");
            assertEquals(200, truncated.statusCode());
            assertFalse(truncated.body().contains("[DONE]"), truncated.body());
        }
    }

    @Test
    void aMisspelledHeaderIsABadRequestNotAHealthyAnswer() throws Exception {
        try (RunningSimulator simulator =
                Simulator.start(QUICK, "127.0.0.1", 0, new ConfiguredFaultPolicy(FaultConfig.headerOnly()))) {
            HttpResponse<String> response = post(simulator, "stal:3");
            assertEquals(400, response.statusCode());
            assertTrue(response.body().contains("unknown fault 'stal'"), response.body());
        }
    }

    @Test
    void theHeaderIsIgnoredUnlessAllowed() throws Exception {
        try (RunningSimulator simulator =
                Simulator.start(QUICK, "127.0.0.1", 0, new ConfiguredFaultPolicy(FaultConfig.NONE))) {
            assertEquals(200, post(simulator, "status:500").statusCode());
            assertEquals(200, metrics(simulator, "metrics-404").statusCode());
        }
        try (RunningSimulator simulator = Simulator.start(QUICK, "127.0.0.1", 0, FaultPolicy.NONE)) {
            assertEquals(200, post(simulator, "status:500").statusCode());
        }
    }

    @Test
    void metricsFaultsByHeader() throws Exception {
        try (RunningSimulator simulator =
                Simulator.start(QUICK, "127.0.0.1", 0, new ConfiguredFaultPolicy(FaultConfig.headerOnly()))) {
            assertEquals(404, metrics(simulator, "metrics-404").statusCode());
            HttpResponse<String> garbage = metrics(simulator, "metrics-garbage");
            assertEquals(200, garbage.statusCode());
            assertFalse(garbage.body().contains("vllm:"), garbage.body());
            long start = System.nanoTime();
            HttpResponse<String> slow = metrics(simulator, "metrics-slow:300");
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals(200, slow.statusCode());
            assertTrue(slow.body().contains("vllm:num_requests_running"));
            assertTrue(tookMs >= 300, "delayed by 300 ms: " + tookMs);
        }
    }
}
