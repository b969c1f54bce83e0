package io.benchsuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchsuite.simulator.RunningSimulator;
import io.benchsuite.simulator.ServerFlavour;
import io.benchsuite.simulator.Simulator;
import io.benchsuite.simulator.SimulatorConfig;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench-suite run --backend auto} against each simulator flavour: the backend is detected (and recorded
 * with the one asked for), and running requests, waiting requests and KV-cache usage are read from that
 * server's metric names, absent where the server has none. Two requests at a time fit in the batch and four
 * are sent, so some wait from the first request on; one second of requests per run (about 50 metrics samples
 * at 0.02 s, where more than 10 are asked for), each test 5-10 s on the shared build machine (the first one also
 * pays for building the application).
 */
@QuarkusMainTest
class BackendAutoEndToEndTest {

    @TempDir
    Path dir;

    private record Profile(JsonNode parameters, List<JsonNode> samples) {
        double max(String field) {
            return samples.stream()
                    .filter(s -> !s.get(field).isNull())
                    .mapToDouble(s -> s.get(field).asDouble())
                    .max()
                    .orElse(Double.NaN);
        }

        boolean allNull(String field) {
            return samples.stream().allMatch(s -> s.get(field).isNull());
        }
    }

    private Profile run(QuarkusMainLauncher launcher, ServerFlavour flavour, String... extra) throws Exception {
        SimulatorConfig config = SimulatorConfig.a100Model7b()
                .withFlavour(flavour)
                .withMaxNumSeqs(2)
                .withStepBaseMs(10)
                .withStepPerSeqMs(0);
        try (RunningSimulator simulator = Simulator.start(config, "127.0.0.1", 0)) {
            Path out = dir.resolve(flavour.id() + ".json");
            CliArgs args = CliArgs.run(simulator.baseUrl())
                    .lengths(32, 24)
                    .workers(4)
                    .maxDuration("1")
                    .with("--step-live-metrics", "0.02")
                    .outputFile(out)
                    .kvCacheProfile();
            for (String arg : extra) {
                args.with(arg.replace("{base}", simulator.baseUrl()));
            }
            LaunchResult result = launcher.launch(args.build());
            assertEquals(0, result.exitCode(), result.getErrorOutput());
            JsonNode json = new ObjectMapper().readTree(out.toFile());
            List<JsonNode> samples = new ArrayList<>();
            json.get("kv_cache_profile").forEach(samples::add);
            assertTrue(samples.size() > 10, "metrics sampled during the run: " + samples.size());
            return new Profile(json.get("parameters"), samples);
        }
    }

    private static void assertDetected(Profile profile, String backend) {
        assertEquals("auto", profile.parameters().get("backend").asText());
        assertEquals(backend, profile.parameters().get("backend_detected").asText());
    }

    private static void assertRunningAndWaiting(Profile profile) {
        assertEquals(2.0, profile.max("num_requests_running"), "two fit in the batch");
        assertTrue(profile.max("num_requests_waiting") >= 1, "the others wait: " + profile.max("num_requests_waiting"));
    }

    @Test
    void vllmWithHappyVllmRoutesIsHappyVllm(QuarkusMainLauncher launcher) throws Exception {
        Profile profile = run(launcher, ServerFlavour.VLLM, "--backend", "auto");
        assertDetected(profile, "happy_vllm");
        assertRunningAndWaiting(profile);
        assertTrue(profile.max("gpu_cache_usage_perc") > 0);
    }

    @Test
    void sglangIsFoundByItsMetricNames(QuarkusMainLauncher launcher) throws Exception {
        Profile profile = run(launcher, ServerFlavour.SGLANG, "--backend", "auto");
        assertDetected(profile, "sglang");
        assertRunningAndWaiting(profile);
        assertTrue(profile.max("gpu_cache_usage_perc") > 0, "token_usage");
    }

    @Test
    void tgiHasNoKvUsage(QuarkusMainLauncher launcher) throws Exception {
        Profile profile = run(launcher, ServerFlavour.TGI, "--backend", "auto");
        assertDetected(profile, "tgi");
        assertRunningAndWaiting(profile);
        assertTrue(profile.allNull("gpu_cache_usage_perc"), "TGI publishes no KV usage: absent, not 0");
    }

    @Test
    void llamaCppHasNoKvUsage(QuarkusMainLauncher launcher) throws Exception {
        Profile profile = run(launcher, ServerFlavour.LLAMACPP, "--backend", "auto");
        assertDetected(profile, "llamacpp");
        assertRunningAndWaiting(profile);
        assertTrue(profile.allNull("gpu_cache_usage_perc"), "recent llama.cpp publishes no KV usage");
    }

    @Test
    void trtLlmBehindTritonIsReadFromLabelValuesAtTheMetricsUrl(QuarkusMainLauncher launcher) throws Exception {
        Profile profile = run(launcher, ServerFlavour.TRTLLM, "--backend", "auto", "--metrics-url", "{base}/metrics");
        assertDetected(profile, "trtllm");
        assertRunningAndWaiting(profile);
        assertTrue(profile.max("gpu_cache_usage_perc") > 0, "kv_cache_block_type=fraction");
    }

    @Test
    void vllmThroughRayServeIsVllmReadInRayNames(QuarkusMainLauncher launcher) throws Exception {
        Profile profile = run(launcher, ServerFlavour.RAY_VLLM, "--backend", "auto", "--metrics-url", "{base}/metrics");
        assertDetected(profile, "vllm");
        assertRunningAndWaiting(profile);
        assertTrue(profile.max("gpu_cache_usage_perc") > 0);
    }

    @Test
    void anExplicitBackendWinsAndThePageIsStillReadInItsOwnNames(QuarkusMainLauncher launcher) throws Exception {
        Profile profile = run(launcher, ServerFlavour.SGLANG, "--backend", "vllm");
        assertEquals("vllm", profile.parameters().get("backend").asText());
        assertEquals("vllm", profile.parameters().get("backend_detected").asText(), "no probing");
        assertRunningAndWaiting(profile);
        assertTrue(profile.max("gpu_cache_usage_perc") > 0, "sglang:token_usage");
    }
}
