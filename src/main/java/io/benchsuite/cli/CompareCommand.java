package io.benchsuite.cli;

import io.benchsuite.compare.ComparePage;
import io.benchsuite.compare.ComparisonTable;
import io.benchsuite.compare.RunComparison;
import io.benchsuite.compare.RunFigures;
import io.benchsuite.config.ServiceLevelObjectives;
import io.benchsuite.config.UsageException;
import io.benchsuite.report.RawResults;
import io.benchsuite.report.RawResultsReader;
import io.benchsuite.report.RawRun;
import io.benchsuite.report.ReportModelBuilder;
import io.benchsuite.report.ReportSettings;
import io.benchsuite.stats.Thresholds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bench-suite compare RUN_A RUN_B}: whether run B is worse than run A, pair by pair (see
 * {@link RunComparison}). Prints a Markdown table and writes {@code compare.html}; exit code 0 when B is not
 * worse, 1 when it is, 2 on a usage error.
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Is run B worse than run A? Thresholds, SLO capacity, median speed and TTFT per pair; "
                + "exit 1 when worse.")
public class CompareCommand implements Callable<Integer> {

    static final int WORSE = 1;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_A", description = "The reference run's folder (raw_results/ or .zip).")
    Path runA;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "The run judged against it.")
    Path runB;

    @Option(
            names = "--tolerance",
            defaultValue = "5%",
            paramLabel = "<percent>",
            description = "How much worse a median speed or TTFT may be before B counts as worse. "
                    + "Default: ${DEFAULT-VALUE}.")
    String tolerance;

    @Option(
            names = "--slo",
            paramLabel = "<objective,...>",
            description = "Service-level objectives for the capacity of both runs, e.g. "
                    + ServiceLevelObjectives.EXAMPLE + ". Default: run A's setting, else run B's, else none.")
    Optional<String> slo = Optional.empty();

    @Option(
            names = "--output",
            paramLabel = "<folder>",
            description = "Folder to write compare.html into. Default: RUN_B's report folder (<RUN_B>/report).")
    Optional<Path> output = Optional.empty();

    @Override
    public Integer call() throws Exception {
        double relativeTolerance = RunComparison.tolerance(tolerance);
        RawResultsReader.requireRunFolder("RUN_A", runA);
        RawResultsReader.requireRunFolder("RUN_B", runB);
        RawResults rawA = new RawResultsReader(0).read(runA);
        RawResults rawB = new RawResultsReader(0).read(runB);
        Map<String, Object> recordedA = recorded(rawA);
        Map<String, Object> recordedB = recorded(rawB);
        // Both runs are judged by the same criteria, run A's (the reference), so that a threshold moved by a
        // changed setting is not read as a changed server.
        Optional<ServiceLevelObjectives> objectives = slo.or(() -> text(recordedA, "slo"))
                .or(() -> text(recordedB, "slo"))
                .filter(text -> !text.isBlank())
                .map(ServiceLevelObjectives::parse);
        double speedThreshold = number(recordedA, "speed_threshold", Thresholds.DEFAULT_SPEED_THRESHOLD);
        double kvThreshold = number(recordedA, "kv_cache_threshold", Thresholds.DEFAULT_KV_CACHE_THRESHOLD);
        RunFigures a = figures(runA, rawA, recordedA, speedThreshold, kvThreshold, objectives);
        RunFigures b = figures(runB, rawB, recordedB, speedThreshold, kvThreshold, objectives);
        if (a.pairs().keySet().stream().noneMatch(b::has)) {
            throw new UsageException("RUN_A " + runA + " (pairs " + a.pairs().keySet() + ") and RUN_B " + runB
                    + " (pairs " + b.pairs().keySet() + ") have no (input, output) pair in common; compare runs made "
                    + "with the same input-lengths and output-lengths");
        }
        RunComparison comparison = RunComparison.of(a, b, relativeTolerance);
        Path folder = output.orElse(runB.resolve("report"));
        Files.createDirectories(folder);
        Path page = folder.resolve("compare.html");
        Files.writeString(page, ComparePage.render(a, b, comparison), StandardCharsets.UTF_8);
        spec.commandLine().getOut().print(ComparisonTable.markdown(a, b, comparison));
        spec.commandLine().getOut().println();
        spec.commandLine().getOut().println("Page: " + page);
        spec.commandLine().getOut().flush();
        return comparison.worse() ? WORSE : 0;
    }

    private static RunFigures figures(
            Path folder,
            RawResults raw,
            Map<String, Object> recorded,
            double speedThreshold,
            double kvThreshold,
            Optional<ServiceLevelObjectives> objectives) {
        ReportSettings settings = new ReportSettings(
                speedThreshold,
                kvThreshold,
                (int) number(
                        recorded, "min_number_of_valid_queries", ReportSettings.DEFAULT_MIN_NUMBER_OF_VALID_QUERIES),
                Optional.empty(),
                Optional.empty(),
                objectives);
        return RunFigures.of(folder.toString(), ReportModelBuilder.build(raw, settings));
    }

    private static Map<String, Object> recorded(RawResults raw) {
        return raw.kept().stream().findFirst().map(RawRun::parameters).orElse(Map.of());
    }

    private static Optional<String> text(Map<String, Object> parameters, String name) {
        return Optional.ofNullable(parameters.get(name)).map(Object::toString);
    }

    private static double number(Map<String, Object> parameters, String name, double fallback) {
        return parameters.get(name) instanceof Number n ? n.doubleValue() : fallback;
    }
}
