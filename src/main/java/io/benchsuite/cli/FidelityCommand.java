package io.benchsuite.cli;

import io.benchsuite.config.UsageException;
import io.benchsuite.fidelity.FidelityBenchmark;
import io.benchsuite.fidelity.FidelityReport;
import io.benchsuite.fidelity.FidelityTable;
import io.benchsuite.fidelity.Scenario;
import io.benchsuite.fidelity.TargetCheck;
import io.benchsuite.results.JsonFiles;
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
        description = "Measures the client's own timing error and cost on the user's path: starts the exact-schedule "
                + "simulator in a separate process, then `bench-suite run` as a process of its own (started as this "
                + "one was, then with plain java -jar) at 1, 100 and 1000 parallel 64-token streams with metrics "
                + "polled every 10 ms, then a bare java.nio reader as the floor; prints TTFT and inter-token errors, "
                + "CPU and peak RSS with PASS/FAIL against the project's targets. Exit status 1 when one is missed.")
public class FidelityCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

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

    @Option(
            names = "--max-duration",
            defaultValue = "30",
            description = "Seconds of each measured `bench-suite run` (default: ${DEFAULT-VALUE}).")
    double maxDuration;

    @Option(
            names = "--no-plain-java",
            description = "Skip measuring `bench-suite run` started with plain java -jar and no JVM flag (by default "
                    + "measured too, JVM build only, and checked: no figure more than twice the launcher's).")
    boolean noPlainJava;

    @Override
    public Integer call() throws Exception {
        if (repeat < 1) {
            throw new UsageException("--repeat must be at least 1, got " + repeat);
        }
        if (!(maxDuration >= 1) || Double.isInfinite(maxDuration)) {
            throw new UsageException("--max-duration must be at least 1 second, got " + maxDuration);
        }
        List<Scenario> scenarios = Scenario.standard().stream()
                .filter(s -> streams == null || streams.contains(s.streams()))
                .toList();
        if (scenarios.isEmpty()) {
            throw new UsageException("--streams must name some of 1, 100 and 1000, got " + streams);
        }
        FidelityReport report = FidelityBenchmark.run(scenarios, repeat, maxDuration, !noPlainJava);
        JsonFiles.writeAtomically(output, report);
        spec.commandLine().getOut().print(FidelityTable.render(report));
        spec.commandLine().getOut().println("full results: " + output.toAbsolutePath());
        spec.commandLine().getOut().flush();
        return report.targets().stream().allMatch(TargetCheck::pass) ? 0 : ErrorReporter.FAILURE;
    }
}
