package io.benchsuite.fidelity;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Runs the scenarios one after the other, each against a fresh simulator process started with that
 * scenario's schedule: {@code bench-suite run} started as this process was, then (JVM build) started with plain
 * {@code java -jar}, then the bare reader; and gathers the report.
 */
public final class FidelityBenchmark {

    private static final Logger LOG = Logger.getLogger(FidelityBenchmark.class);

    private FidelityBenchmark() {}

    /**
     * @param durationSeconds each {@code bench-suite run}'s {@code --max-duration}
     * @param plainJava       also measure {@code bench-suite run} started with plain {@code java -jar} (ignored
     *                        where this process is not a {@code java -jar} one)
     */
    public static FidelityReport run(
            List<Scenario> scenarios, int repetitions, double durationSeconds, boolean plainJava)
            throws IOException, InterruptedException {
        String machine = describeMachine();
        List<String> launch = SimulatorProcess.selfLaunch();
        Optional<List<String>> plain = plainJava ? SimulatorProcess.plainJavaLaunch() : Optional.empty();
        Path folder = Files.createTempDirectory("bench-suite-fidelity");
        LOG.infof("bench-suite run started as: %s; logs in %s", String.join(" ", launch), folder);
        List<ScenarioSummary> summaries = new ArrayList<>();
        List<ScenarioSummary> floors = new ArrayList<>();
        List<ScenarioSummary> plainSummaries = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            try (SimulatorProcess simulator =
                    SimulatorProcess.start(scenario.firstTokenMs(), scenario.interTokenMs())) {
                LOG.infof(
                        "%d streams, %d-token answers (%s ms then every %s ms), %s s per run: simulator pid %d at %s",
                        scenario.streams(),
                        scenario.outputTokens(),
                        scenario.firstTokenMs(),
                        scenario.interTokenMs(),
                        durationSeconds,
                        simulator.pid(),
                        simulator.baseUrl());
                ScenarioRunner runner =
                        new ScenarioRunner(simulator.baseUrl(), scenario, simulator::cpuNanos, durationSeconds, folder);
                summaries.add(ScenarioSummary.medianOf(scenario, runner.runClient(launch, repetitions)));
                if (plain.isPresent()) {
                    plainSummaries.add(ScenarioSummary.medianOf(scenario, runner.runClient(plain.get(), repetitions)));
                }
                floors.add(ScenarioSummary.medianOf(scenario, runner.runFloor(repetitions)));
            }
        }
        return new FidelityReport(
                machine,
                repetitions,
                summaries,
                floors,
                plainSummaries,
                String.join(" ", launch),
                durationSeconds,
                TargetCheck.evaluate(summaries, floors, plainSummaries));
    }

    static String describeMachine() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(
                Locale.ROOT,
                "%d processors, load average %.2f at start, Java %s",
                Runtime.getRuntime().availableProcessors(),
                load,
                System.getProperty("java.version"));
    }
}
