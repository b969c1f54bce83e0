package io.benchsuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchsuite.simulator.ConfiguredFaultPolicy;
import io.benchsuite.simulator.FaultConfig;
import io.benchsuite.simulator.FaultPolicy;
import io.benchsuite.simulator.RunningSimulator;
import io.benchsuite.simulator.ServerFlavour;
import io.benchsuite.simulator.Simulator;
import io.benchsuite.simulator.SimulatorConfig;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench-suite run} against what real servers do (issue "Correct against a real server"): the llama.cpp
 * flavour, which closes the connection after every stream and has its own tokenize shape; runs where most
 * requests fail; a server whose prompt cache answers a second identical run; a fraction of 500s and a broken
 * metrics page that leave the rest of the run measured. Scaled down: each run lasts a
 * few seconds.
 */
@QuarkusMainTest
class RealServerEndToEndTest {

    /** 5 ms to the first token, then 2 ms per token. */
    private static final SimulatorConfig QUICK =
            SimulatorConfig.exact().withFirstTokenMs(5).withInterTokenMs(2);

    private static final SimulatorConfig LLAMACPP = QUICK.withFlavour(ServerFlavour.LLAMACPP);

    @TempDir
    Path dir;

    private record Run(LaunchResult result, JsonNode json) {
        String output() {
            return result.getOutput() + "\n" + result.getErrorOutput();
        }
    }

    private Run run(QuarkusMainLauncher launcher, RunningSimulator simulator, String name, String... extra)
            throws Exception {
        Path out = dir.resolve(name + ".json");
        CliArgs args = CliArgs.run(simulator.baseUrl())
                .with("--backend", "openai", "--model", "sim-model")
                .outputLength(8)
                .maxDuration("2")
                .outputFile(out)
                .queryMetrics()
                .with(extra);
        if (!args.has("--prompt-length")) {
            args.with("--prompt-length", "0");
        }
        LaunchResult result = launcher.launch(args.build());
        JsonNode json = Files.exists(out) ? new ObjectMapper().readTree(out.toFile()) : null;
        return new Run(result, json);
    }

    @Test
    void aServerThatClosesAfterEveryStreamCostsNoFailedRequestAt4And100Streams(QuarkusMainLauncher launcher)
            throws Exception {
        try (RunningSimulator simulator = Simulator.start(LLAMACPP, "127.0.0.1", 0)) {
            for (int workers : new int[] {4, 100}) {
                Run run = run(
                        launcher,
                        simulator,
                        "llamacpp-" + workers,
                        "--n-workers",
                        Integer.toString(workers),
                        "--max-queries",
                        "300");
                assertEquals(0, run.result().exitCode(), run.output());
                JsonNode general = run.json().get("general_metrics");
                assertTrue(general.get("total_number_of_queries").asInt() >= workers, general.toString());
                assertEquals(
                        0,
                        general.get("nb_errored_queries").asInt() - cancelled(general),
                        workers + " streams: " + general);
            }
        }
    }

    private static int cancelled(JsonNode general) {
        return general.path("errors_by_kind").path("CANCELLED").asInt(0);
    }

    @Test
    void bothTokenizeShapesGiveExactLengthsAndTheShapeIsRecorded(QuarkusMainLauncher launcher) throws Exception {
        for (SimulatorConfig config : List.of(LLAMACPP, QUICK)) {
            try (RunningSimulator simulator = Simulator.start(config, "127.0.0.1", 0)) {
                Run run = run(
                        launcher,
                        simulator,
                        "tokenize-" + config.flavour().id(),
                        "--prompt-length",
                        "32",
                        "--n-workers",
                        "2",
                        "--max-queries",
                        "10",
                        "--exact-input-lengths");
                assertEquals(0, run.result().exitCode(), run.output());
                assertEquals(
                        config.flavour().id(),
                        run.json().get("parameters").get("tokenize_shape").asText());
                for (JsonNode q : run.json().get("individual_query")) {
                    assertEquals(32, q.get("prompt_length").asInt(), q.toString());
                }
            }
        }
    }

    @Test
    void aTokenizeEndpointThatAnswersNothingUsableStopsBeforeAnyBenchmark(QuarkusMainLauncher launcher)
            throws Exception {
        try (RunningSimulator simulator = Simulator.start(QUICK, "127.0.0.1", 0)) {
            // The completions route answers 200 to {model, prompt}, but with neither a count nor tokens.
            Run run = run(
                    launcher,
                    simulator,
                    "no-tokenize",
                    "--prompt-length",
                    "32",
                    "--exact-input-lengths",
                    "--tokenize-endpoint",
                    "/v1/completions");
            assertEquals(2, run.result().exitCode(), run.output());
            assertTrue(
                    run.result().getErrorOutput().contains("gave no token count"),
                    run.result().getErrorOutput());
            assertEquals(null, run.json(), "nothing written");
        }
    }

    @Test
    void aRunWithHalfItsRequestsFailedExitsWith1AndSaysSo(QuarkusMainLauncher launcher) throws Exception {
        FaultPolicy faults = new ConfiguredFaultPolicy(FaultConfig.parse(List.of("status:500@0.5"), null, false, 42));
        try (RunningSimulator simulator = Simulator.start(QUICK, "127.0.0.1", 0, faults)) {
            Run run = run(launcher, simulator, "half-failed", "--n-workers", "2", "--max-queries", "40");
            assertEquals(1, run.result().exitCode(), run.output());
            assertTrue(
                    run.output().contains("in doubt")
                            && run.output().contains("above max-failed-share 0.1")
                            && run.output().contains("HTTP_STATUS"),
                    run.output());
            assertTrue(
                    run.json().get("general_metrics").get("nb_errored_queries").asInt() > 0);
        }
    }

    @Test
    void droppedStreamsAnd500sAreCountedByKindAndTheResultIsWritten(QuarkusMainLauncher launcher) throws Exception {
        FaultPolicy faults =
                new ConfiguredFaultPolicy(FaultConfig.parse(List.of("drop:2@0.2", "status:500@0.2"), null, false, 42));
        try (RunningSimulator simulator = Simulator.start(QUICK, "127.0.0.1", 0, faults)) {
            Run run = run(launcher, simulator, "flaky", "--n-workers", "2", "--max-queries", "60");
            assertTrue(run.json() != null, run.output());
            assertEquals(1, run.result().exitCode(), "40 % failed is above max-failed-share: " + run.output());
            JsonNode byKind = run.json().get("general_metrics").get("errors_by_kind");
            assertTrue(byKind.path("CONNECTION_RESET").asInt() > 0, byKind.toString());
            assertTrue(byKind.path("HTTP_STATUS").asInt() > 0, byKind.toString());
            assertTrue(run.json().get("complete").asBoolean());
        }
    }

    @Test
    void aSecondIdenticalRunHitsThePromptCacheAndIsWarnedAbout(QuarkusMainLauncher launcher) throws Exception {
        try (RunningSimulator simulator = Simulator.start(QUICK, "127.0.0.1", 0)) {
            String[] same = {"--n-workers", "2", "--max-queries", "10", "--seed", "5"};
            Run first = run(launcher, simulator, "cold", same);
            assertEquals(0, first.result().exitCode(), first.output());
            assertEquals(0, first.json().get("cached_prompt_requests").asInt());
            Run second = run(launcher, simulator, "warm", same);
            assertEquals(0, second.result().exitCode(), second.output());
            assertTrue(
                    second.json().get("cached_prompt_requests").asInt() > 0,
                    second.json().toString());
            boolean someCached = false;
            for (JsonNode q : second.json().get("individual_query")) {
                someCached |= q.get("cached_tokens").asInt()
                        > 0.1 * q.get("prompt_length").asInt();
            }
            assertTrue(someCached, "cached_tokens per request");
            assertTrue(second.output().contains("prompt cache"), second.output());
        }
    }

    // Formerly RunUnderFaultsEndToEndTest, moved here so that its two runs share this class's application
    // build (each @QuarkusMainTest class builds the application once, 15-25 s on the shared machine): failed
    // requests are counted and described in the raw result, and the run finishes with everything else
    // measured. Its own runs: 16-token answers, 1 s, through the default backend.

    private JsonNode runUnderFault(QuarkusMainLauncher launcher, String fault, String... extra) throws Exception {
        FaultConfig faults = FaultConfig.parse(List.of(fault), null, false, 42);
        try (RunningSimulator simulator = Simulator.start(QUICK, "127.0.0.1", 0, new ConfiguredFaultPolicy(faults))) {
            Path out = dir.resolve("raw.json");
            LaunchResult result = launcher.launch(CliArgs.run(simulator.baseUrl())
                    .lengths(0, 16)
                    .workers(2)
                    .maxDuration("1")
                    .outputFile(out)
                    .queryMetrics()
                    .with(extra)
                    .build());
            assertEquals(0, result.exitCode(), result.getErrorOutput());
            return new ObjectMapper().readTree(out.toFile());
        }
    }

    @Test
    void aFractionOf500sIsCountedAndTheRunFinishes(QuarkusMainLauncher launcher) throws Exception {
        // Above max-failed-share's default 0.1, which would end the run with 1 (see the test above).
        JsonNode json = runUnderFault(launcher, "status:500@0.3", "--max-failed-share", "0.9");
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
        JsonNode json = runUnderFault(launcher, "metrics-garbage", "--with-kv-cache-profile");
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
