package io.benchsuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchsuite.simulator.ConfiguredFaultPolicy;
import io.benchsuite.simulator.FaultConfig;
import io.benchsuite.simulator.RunningSimulator;
import io.benchsuite.simulator.Simulator;
import io.benchsuite.simulator.SimulatorConfig;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench-suite run} through the real command line against a faulty simulator: failed requests are
 * counted and described in the raw result, and the run finishes with everything else measured.
 */
@QuarkusMainTest
class RunUnderFaultsEndToEndTest {

    /** 5 ms to the first token, then 2 ms per token: a 16-token answer in about 35 ms. */
    private static final SimulatorConfig QUICK =
            SimulatorConfig.exact().withFirstTokenMs(5).withInterTokenMs(2);

    @TempDir
    Path dir;

    private JsonNode run(QuarkusMainLauncher launcher, String fault, String... extra) throws Exception {
        FaultConfig faults = FaultConfig.parse(List.of(fault), null, false, 42);
        try (RunningSimulator simulator = Simulator.start(QUICK, "127.0.0.1", 0, new ConfiguredFaultPolicy(faults))) {
            Path out = dir.resolve("raw.json");
            List<String> args = new java.util.ArrayList<>(List.of(
                    "run",
                    "--base-url",
                    simulator.baseUrl(),
                    "--dataset-folder",
                    "datasets",
                    "--prompt-length",
                    "0",
                    "--output-length",
                    "16",
                    "--n-workers",
                    "2",
                    "--max-duration",
                    "1",
                    "--output-file",
                    out.toString(),
                    "--query-metrics"));
            args.addAll(List.of(extra));
            LaunchResult result = launcher.launch(args.toArray(String[]::new));
            assertEquals(0, result.exitCode(), result.getErrorOutput());
            return new ObjectMapper().readTree(out.toFile());
        }
    }

    @Test
    void aFractionOf500sIsCountedAndTheRunFinishes(QuarkusMainLauncher launcher) throws Exception {
        // Above max-failed-share's default 0.1, which would end the run with 1 (see RealServerEndToEndTest).
        JsonNode json = run(launcher, "status:500@0.3", "--max-failed-share", "0.9");
        JsonNode general = json.get("general_metrics");
        int total = general.get("total_number_of_queries").asInt();
        int errored = general.get("nb_errored_queries").asInt();
        assertTrue(total >= 20, general.toString());
        assertTrue(errored > 0 && errored < total, "some, not all, failed: " + general);
        assertEquals(errored, general.get("errors_by_kind").get("HTTP_STATUS").asInt(), general.toString());
        assertEquals(errored, json.get("errored_queries").size());
        for (JsonNode q : json.get("errored_queries")) {
            assertEquals("HTTP_STATUS", q.get("error_kind").asText());
            assertEquals(500, q.get("http_status").asInt());
            assertEquals(
                    "HTTP 500: Simulated fault: internal server error.",
                    q.get("error").asText());
        }
        assertTrue(json.get("complete").asBoolean());
        // The successful requests are measured as if nothing had happened.
        for (JsonNode q : json.get("individual_query")) {
            assertEquals(16, q.get("response_length").asInt(), q.toString());
        }
        assertEquals(total - errored, json.get("individual_query").size());
    }

    @Test
    void brokenMetricsLeaveTheClientSideResultsWhole(QuarkusMainLauncher launcher) throws Exception {
        JsonNode json = run(launcher, "metrics-garbage", "--with-kv-cache-profile");
        assertTrue(json.get("scrape_failures").asInt() > 0, "scrape_failures: " + json.get("scrape_failures"));
        JsonNode general = json.get("general_metrics");
        assertEquals(0, general.get("nb_errored_queries").asInt(), general.toString());
        assertTrue(general.get("total_number_of_queries").asInt() >= 20, general.toString());
        assertEquals(
                general.get("total_number_of_queries").asInt(),
                json.get("individual_query").size());
        assertTrue(json.get("aggregated_metrics")
                        .get("speed_from_first_token")
                        .get("median")
                        .asDouble()
                > 0);
        assertEquals(0, json.get("kv_cache_profile").size(), "no sample from a garbage page");
    }
}
