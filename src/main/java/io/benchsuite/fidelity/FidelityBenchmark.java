package io.benchsuite.fidelity;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Runs the scenarios one after the other, each against a fresh simulator process started with that
 * scenario's schedule, and gathers the report.
 */
public final class FidelityBenchmark {

    private static final Logger LOG = Logger.getLogger(FidelityBenchmark.class);

    private FidelityBenchmark() {}

    public static FidelityReport run(Vertx vertx, List<Scenario> scenarios, int repetitions)
            throws IOException, InterruptedException {
        String machine = describeMachine();
        List<ScenarioSummary> summaries = new ArrayList<>();
        List<ScenarioSummary> floors = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            try (SimulatorProcess simulator =
                    SimulatorProcess.start(scenario.firstTokenMs(), scenario.interTokenMs())) {
                LOG.infof(
                        "%d streams, %d requests of %d tokens (%s ms then every %s ms): simulator pid %d at %s",
                        scenario.streams(),
                        scenario.requests(),
                        scenario.outputTokens(),
                        scenario.firstTokenMs(),
                        scenario.interTokenMs(),
                        simulator.pid(),
                        simulator.baseUrl());
                ScenarioRunner.Runs runs =
                        new ScenarioRunner(vertx, simulator.baseUrl(), scenario, simulator::cpuNanos).run(repetitions);
                summaries.add(ScenarioSummary.medianOf(scenario, runs.client()));
                floors.add(ScenarioSummary.medianOf(scenario, runs.floor()));
            }
        }
        return new FidelityReport(machine, repetitions, summaries, floors, TargetCheck.evaluate(summaries));
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
