package io.benchsuite.cli;

import io.benchsuite.config.UsageException;
import io.benchsuite.fidelity.FidelityBenchmark;
import io.benchsuite.fidelity.FidelityReport;
import io.benchsuite.fidelity.FidelityTable;
import io.benchsuite.fidelity.Scenario;
import io.benchsuite.fidelity.TargetCheck;
import io.benchsuite.results.JsonFiles;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench-suite fidelity}: measures the streaming client itself. A command rather than a script so that
 * it runs the same binary the user benchmarks with (JVM or native) and starts the simulator child the same
 * way, with no shell or build tool in between.
 */
@Command(
        name = "fidelity",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Measures the client's own timing error and cost: starts the exact-schedule simulator in a "
                + "separate process, runs 1, 100 and 1000 parallel 64-token streams with metrics polled every 10 ms, "
                + "and prints TTFT and inter-token errors, burst share, CPU per 1000 events and peak memory, "
                + "with PASS/FAIL against the project's targets. Exit status 1 when a target is missed.")
public class FidelityCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Inject
    Vertx vertx;

    @Option(
            names = "--repeat",
            defaultValue = "3",
            description = "Repetitions per scenario; figures are medians (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(
            names = "--streams",
            split = ",",
            description = "Only these scenarios, among 1, 100 and 1000 " + "(default: all).")
    List<Integer> streams;

    @Option(
            names = "--output",
            defaultValue = "fidelity.json",
            description = "JSON file for the full results (default: ${DEFAULT-VALUE}).")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (repeat < 1) {
            throw new UsageException("--repeat must be at least 1, got " + repeat);
        }
        List<Scenario> scenarios = Scenario.standard().stream()
                .filter(s -> streams == null || streams.contains(s.streams()))
                .toList();
        if (scenarios.isEmpty()) {
            throw new UsageException("--streams must name some of 1, 100 and 1000, got " + streams);
        }
        FidelityReport report = FidelityBenchmark.run(vertx, scenarios, repeat);
        JsonFiles.writeAtomically(output, report);
        spec.commandLine().getOut().print(FidelityTable.render(report));
        spec.commandLine().getOut().println("full results: " + output.toAbsolutePath());
        spec.commandLine().getOut().flush();
        return report.targets().stream().allMatch(TargetCheck::pass) ? 0 : ErrorReporter.FAILURE;
    }
}
