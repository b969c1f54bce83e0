package io.benchsuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchsuite.simulator.SimulatorConfig;
import io.benchsuite.tls.TestCertificates;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench-suite run} through the real command line against the simulator serving HTTPS on loopback with
 * the committed test certificates: certificates are verified unless told otherwise, and a trusted run
 * discovers the model, streams and scrapes metrics over TLS.
 */
@QuarkusMainTest
class HttpsEndToEndTest {

    /** Held here so the logger, and the handler added to it, are not garbage-collected during a launch. */
    private static final Logger TLS_LOGGER = Logger.getLogger("io.benchsuite.tls");

    @RegisterExtension
    static final SimulatorFixture simulator = new SimulatorFixture(
            SimulatorConfig.a100Model7b().withStepBaseMs(5).withStepPerSeqMs(0), Optional.of(TestCertificates.SERVER));

    @TempDir
    Path dir;

    private LaunchResult run(QuarkusMainLauncher launcher, Path out, String... tlsArguments) {
        return launcher.launch(CliArgs.run(simulator.baseUrl())
                .lengths(32, 4)
                .maxDuration("1")
                .maxQueries(8)
                .outputFile(out)
                .kvCacheProfile()
                .with(tlsArguments)
                .build());
    }

    private static long messageLines(LaunchResult result) {
        return result.getErrorOutput()
                .lines()
                .filter(line -> line.startsWith("bench-suite:"))
                .count();
    }

    @Test
    void aPrivateCaIsRefusedByDefaultBeforeAnyBenchmark(QuarkusMainLauncher launcher) {
        Path out = dir.resolve("never.json");
        LaunchResult result = run(launcher, out);
        assertEquals(1, result.exitCode(), result.getErrorOutput());
        String error = result.getErrorOutput();
        assertTrue(
                error.contains("certificate is not trusted")
                        && error.contains("use --ca-cert FILE")
                        && error.contains("--insecure"),
                error);
        assertEquals(1, messageLines(result), error);
        assertFalse(Files.exists(out));
    }

    @Test
    void withItsCaTheRunDiscoversTokenizesStreamsAndScrapesOverTls(QuarkusMainLauncher launcher) throws Exception {
        Path out = dir.resolve("trusted.json");
        // --exact-input-lengths: prompts are counted with the server's /tokenize, over TLS too.
        LaunchResult result = run(
                launcher, out, "--ca-cert", TestCertificates.CA.toString(), "--exact-input-lengths", "--query-metrics");
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        assertFalse(result.getErrorOutput().contains("insecure"), result.getErrorOutput());

        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertEquals("sim-model", json.get("parameters").get("model").asText(), "model discovered over TLS");
        assertFalse(json.get("parameters").has("insecure"));
        JsonNode general = json.get("general_metrics");
        assertTrue(general.get("total_number_of_queries").asInt() >= 1, general.toString());
        assertEquals(0, general.get("nb_errored_queries").asInt(), general.toString());
        assertTrue(json.get("kv_cache_profile").size() > 0, "metrics scraped over TLS");
        assertEquals(
                0,
                json.get("scrape_failures").asInt(),
                json.get("scrape_failures").toString());
        for (JsonNode query : json.get("individual_query")) {
            assertEquals(32, query.get("prompt_length").asInt(), "prompt fitted with the server's tokenizer");
        }
    }

    @Test
    void aCaThatDidNotSignTheServerCertificateIsRefused(QuarkusMainLauncher launcher) {
        Path out = dir.resolve("never.json");
        LaunchResult result = run(launcher, out, "--ca-cert", TestCertificates.OTHER_CA.toString());
        assertEquals(1, result.exitCode(), result.getErrorOutput());
        assertTrue(result.getErrorOutput().contains("certificate is not trusted"), result.getErrorOutput());
        assertFalse(Files.exists(out));
    }

    @Test
    void insecureRunsWithAWarningAndSaysSoInTheResults(QuarkusMainLauncher launcher) throws Exception {
        Path raw = Files.createDirectories(dir.resolve("raw_results"));
        Path out = raw.resolve("generation_speed_input_32_output_4_nb_requests_1.json");
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        // Log records go to the process's console, not to the launcher's captured streams, so they are caught here.
        TLS_LOGGER.addHandler(capture);
        LaunchResult result;
        try {
            result = run(launcher, out, "--insecure");
        } finally {
            TLS_LOGGER.removeHandler(capture);
        }
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        assertEquals(1, warnings.size(), "one warning");
        String warning = new java.util.logging.SimpleFormatter().formatMessage(warnings.get(0));
        assertTrue(warning.contains("verification is OFF") && warning.contains("anyone on the network path"), warning);
        assertTrue(new ObjectMapper()
                .readTree(out.toFile())
                .get("parameters")
                .get("insecure")
                .asBoolean());

        LaunchResult report =
                launcher.launch("report", "--output-folder", dir.toString(), "--min-number-of-valid-queries", "1");
        assertEquals(0, report.exitCode(), report.getErrorOutput());
        JsonNode parameters = new ObjectMapper()
                .readTree(dir.resolve("report/parameters.json").toFile());
        assertTrue(parameters.get("insecure").asBoolean(), parameters.toString());
    }

    @Test
    void anUnreadableOrNonPemCaFileIsAOneLineUsageErrorAndNothingIsWritten(QuarkusMainLauncher launcher)
            throws Exception {
        for (Path caFile : List.of(dir.resolve("missing.pem"), TestCertificates.SERVER.privateKey())) {
            Path out = dir.resolve("never.json");
            LaunchResult result = run(launcher, out, "--ca-cert", caFile.toString());
            assertEquals(2, result.exitCode(), result.getErrorOutput());
            assertEquals(1, messageLines(result), result.getErrorOutput());
            assertTrue(
                    result.getErrorOutput().contains("ca-cert file '" + caFile + "'")
                            && result.getErrorOutput().contains("set --ca-cert, BENCH_CA_CERT"),
                    result.getErrorOutput());
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of(), files.toList(), "no file created");
            }
        }
    }

    @Test
    void aCaAndInsecureTogetherAreRefused(QuarkusMainLauncher launcher) {
        Path out = dir.resolve("never.json");
        LaunchResult result = run(launcher, out, "--ca-cert", TestCertificates.CA.toString(), "--insecure");
        assertEquals(2, result.exitCode(), result.getErrorOutput());
        assertTrue(result.getErrorOutput().contains("ca-cert and insecure are both set"), result.getErrorOutput());
        assertFalse(Files.exists(out));
    }
}
