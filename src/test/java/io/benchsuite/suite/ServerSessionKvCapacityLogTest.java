package io.benchsuite.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.config.BenchSettings;
import io.benchsuite.config.SettingsLoader;
import io.benchsuite.schedule.Progress;
import io.benchsuite.simulator.RunningSimulator;
import io.benchsuite.simulator.ServerFlavour;
import io.benchsuite.simulator.Simulator;
import io.benchsuite.simulator.SimulatorConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a session says at start about the KV capacity, per server kind, against the simulator's flavours over
 * loopback (a {@code @QuarkusTest} for the set-up REST clients): a line naming vllm:cache_config_info never
 * reaches a TGI or SGLang user.
 */
@QuarkusTest
class ServerSessionKvCapacityLogTest {

    private static final Logger SESSION_LOGGER = Logger.getLogger(ServerSession.class.getName());

    /** The session's log lines, from opening it until {@code until} is seen (the poller's first page) or 10 s. */
    private static List<String> startLines(ServerFlavour flavour, String until) throws InterruptedException {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getLevel() + " " + new SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Vertx vertx = Vertx.vertx();
        SESSION_LOGGER.addHandler(capture);
        try (RunningSimulator simulator =
                Simulator.start(SimulatorConfig.fast().withFlavour(flavour), "127.0.0.1", 0)) {
            BenchSettings settings =
                    SettingsLoader.load(Map.of("base-url", simulator.baseUrl()), Map.of(), Path.of("absent.env"));
            try (ServerSession session = ServerSession.open(settings, vertx, 1, Progress.NONE, 0)) {
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (lines.stream().noneMatch(line -> line.contains(until)) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            }
        } finally {
            SESSION_LOGGER.removeHandler(capture);
            vertx.close();
        }
        return lines;
    }

    private static long count(List<String> lines, String fragment) {
        return lines.stream().filter(line -> line.contains(fragment)).count();
    }

    /** TGI and current llama.cpp publish no KV-cache usage: the poller's WARN says so, and nothing else. */
    @ParameterizedTest
    @CsvSource({"TGI, TGI publishes no KV-cache usage", "LLAMACPP, publishes no KV-cache usage"})
    void aServerWithoutKvUsageHearsOnlyThatItPublishesNone(ServerFlavour flavour, String warning)
            throws InterruptedException {
        List<String> lines = startLines(flavour, warning);
        assertEquals(1, count(lines, warning), lines.toString());
        assertEquals(0, count(lines, "vllm:"), lines.toString());
        assertEquals(0, count(lines, "KV capacity"), lines.toString());
    }

    @Test
    void sglangHearsOnceInItsOwnNameThatTheCapacityIsAnEstimate() throws InterruptedException {
        String note = "INFO The report's KV capacity will be an estimate from the KV-cache usage on the SGLang metrics";
        List<String> lines = startLines(ServerFlavour.SGLANG, note);
        assertEquals(1, count(lines, note), lines.toString());
        assertEquals(0, count(lines, "vllm:"), lines.toString());
    }

    @Test
    void vllmWithItsCacheConfigHearsNothingAboutIt() throws InterruptedException {
        List<String> lines = startLines(ServerFlavour.VLLM, "Server http");
        assertTrue(lines.stream().anyMatch(line -> line.contains("Server http")), lines.toString());
        assertEquals(0, count(lines, "cache_config_info"), lines.toString());
        assertEquals(0, count(lines, "KV capacity"), lines.toString());
    }
}
