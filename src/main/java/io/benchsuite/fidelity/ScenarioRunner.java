package io.benchsuite.fidelity;

import io.benchsuite.health.ClientHealth;
import io.benchsuite.health.ClientHealthJudge;
import io.benchsuite.health.ClientHealthMonitor;
import io.benchsuite.record.RequestRecord;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Runs one scenario against a running exact-schedule simulator: {@code bench-suite run} in a process of its
 * own, as a user runs it (the same benchmark runner, warm-up, metrics poller scraping every 10 ms, self-check
 * and raw-result file), its figures read from the raw result and from its {@code /proc} files; then the bare
 * java.nio reader in this process, as the floor.
 */
final class ScenarioRunner {

    private static final Logger LOG = Logger.getLogger(ScenarioRunner.class);
    static final Duration METRICS_STEP = Duration.ofMillis(10);
    /** Tokens of the bare reader's warm-up answers: enough to run its code path many times, short enough. */
    private static final int WARM_UP_TOKENS = 16;

    private final String baseUrl;
    private final Scenario scenario;
    private final LongSupplier serverCpuNanos;
    private final double durationSeconds;
    private final Path folder;

    /**
     * @param serverCpuNanos  the simulator process's CPU time so far (-1 when unknown)
     * @param durationSeconds each run's {@code --max-duration}
     * @param folder          where the children's logs and raw results go
     */
    ScenarioRunner(
            String baseUrl, Scenario scenario, LongSupplier serverCpuNanos, double durationSeconds, Path folder) {
        this.baseUrl = baseUrl;
        this.scenario = scenario;
        this.serverCpuNanos = serverCpuNanos;
        this.durationSeconds = durationSeconds;
        this.folder = folder;
    }

    /**
     * N runs of {@code bench-suite run} started with {@code launch}, one at a time.
     *
     * @param launch the command that starts the application, without arguments
     */
    List<ScenarioResult> runClient(List<String> launch, int repetitions) throws IOException, InterruptedException {
        List<ScenarioResult> results = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            long serverCpuBefore = serverCpuNanos.getAsLong();
            ChildRun.Result child = ChildRun.run(launch, baseUrl, scenario, durationSeconds, folder);
            long serverCpuAfter = serverCpuNanos.getAsLong();
            RawRunFigures figures =
                    RawRunFigures.of(child.rawResult(), scenario.firstTokenMs(), scenario.interTokenMs());
            LOG.infof(
                    "%d streams, run %d/%d: %d tokens, TTFT error mean %.2f ms, p99 %.1f ms, CPU %.1f s, RSS peak"
                            + " %.0f MiB, self-check %s",
                    scenario.streams(),
                    i + 1,
                    repetitions,
                    figures.timing().events(),
                    figures.timing().ttft().meanMs(),
                    figures.timing().ttft().p99Ms(),
                    child.cpuNanos() / 1e9,
                    child.rssPeakBytes() / 1048576.0,
                    figures.clientHealth().verdict());
            results.add(new ScenarioResult(
                    figures.timing(),
                    new ResourceUsage(
                            child.cpuNanos(), child.kernelCpuNanos(), -1, child.rssPeakBytes(), true, Map.of()),
                    child.wallSeconds(),
                    figures.scrapesPerSecond(),
                    serverCpuBefore < 0 || serverCpuAfter < 0 ? -1 : serverCpuAfter - serverCpuBefore,
                    figures.clientHealth(),
                    figures.benchmarkCpuNanos()));
        }
        return results;
    }

    /** N exchanges of the bare reader after a warm-up round, each of the scenario's request count. */
    List<ScenarioResult> runFloor(int repetitions) throws IOException, InterruptedException {
        URI uri = URI.create(baseUrl);
        new BareStreamReader(uri, "/v1/completions", ExactRequests.body(WARM_UP_TOKENS), WARM_UP_TOKENS)
                .run(scenario.streams(), scenario.streams() * 2);
        BareStreamReader bare = new BareStreamReader(
                uri, "/v1/completions", ExactRequests.body(scenario.outputTokens()), scenario.outputTokens());
        List<ScenarioResult> floor = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            System.gc();
            long serverCpuBefore = serverCpuNanos.getAsLong();
            ResourceMeter meter = ResourceMeter.start();
            ClientHealthMonitor health = ClientHealthMonitor.start(List.of());
            long start = System.nanoTime();
            List<RequestRecord> records = bare.run(scenario.streams(), scenario.requests());
            long end = System.nanoTime();
            ClientHealth clientHealth = ClientHealthJudge.judge(health.stop(), records);
            ResourceUsage usage = meter.stop();
            long serverCpuAfter = serverCpuNanos.getAsLong();
            TimingErrors timing = TimingErrors.of(records, scenario.firstTokenMs(), scenario.interTokenMs());
            floor.add(new ScenarioResult(
                    timing,
                    usage,
                    (end - start) / 1e9,
                    0,
                    serverCpuBefore < 0 || serverCpuAfter < 0 ? -1 : serverCpuAfter - serverCpuBefore,
                    clientHealth,
                    usage.cpuNanos()));
        }
        return floor;
    }
}
