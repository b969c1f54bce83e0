package io.benchsuite.cli;

import io.benchsuite.config.ServiceLevelObjectives;
import io.benchsuite.config.UsageException;
import io.benchsuite.report.RawResults;
import io.benchsuite.report.RawResultsReader;
import io.benchsuite.report.RawRun;
import io.benchsuite.report.ReportBuilder;
import io.benchsuite.report.ReportSettings;
import io.benchsuite.report.ReportSummary;
import io.benchsuite.stats.Thresholds;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench-suite report}: redraws the report of an output folder from its raw results. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Draws <output-folder>/report/ (graphs, thresholds.csv, README.md, index.html) from "
                + "<output-folder>/raw_results/ or raw_results.zip, then packs raw_results/ into raw_results.zip.")
public class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--output-folder",
            required = true,
            paramLabel = "<folder>",
            description = "The run's output folder, the one holding raw_results/ or raw_results.zip.")
    Path outputFolder;

    @Option(
            names = "--speed-threshold",
            paramLabel = "<tokens/s>",
            description = "Per-request generation speed a level must reach. Default: the run's setting, else 20.")
    Double speedThreshold;

    @Option(
            names = "--kv-cache-threshold",
            paramLabel = "<0-1>",
            description = "KV-cache usage from which the cache counts as full. Default: the run's setting, else 0.95.")
    Double kvCacheThreshold;

    @Option(
            names = "--min-number-of-valid-queries",
            paramLabel = "<count>",
            description = "A raw file with fewer valid queries is left out. Default: the run's setting, else 50.")
    Integer minNumberOfValidQueries;

    @Option(
            names = "--slo",
            paramLabel = "<objective,...>",
            description = "Service-level objectives whose capacity and goodput to report, e.g. "
                    + ServiceLevelObjectives.EXAMPLE + ". Default: the run's setting, else none.")
    Optional<String> slo = Optional.empty();

    @Option(names = "--gpu-name", paramLabel = "<name>", description = "GPU name shown in the report.")
    Optional<String> gpuName = Optional.empty();

    @Option(
            names = "--model-name",
            paramLabel = "<name>",
            description = "Model name shown in the report, instead of the one recorded in the raw results.")
    Optional<String> modelName = Optional.empty();

    @Override
    public Integer call() throws Exception {
        RawResultsReader.requireRunFolder("--output-folder", outputFolder);
        // A redraw uses the thresholds the run was made with (recorded in its parameters), so that redrawing a
        // --quick run does not drop every benchmark for having fewer than the full suite's 50 valid queries.
        RawResults raw = new RawResultsReader(0).read(outputFolder); // read once, filtered by the builder
        Map<String, Object> recorded =
                raw.kept().stream().findFirst().map(RawRun::parameters).orElse(Map.of());
        ReportSettings settings;
        try {
            settings = new ReportSettings(
                    speedThreshold != null
                            ? speedThreshold
                            : number(recorded, "speed_threshold", Thresholds.DEFAULT_SPEED_THRESHOLD),
                    kvCacheThreshold != null
                            ? kvCacheThreshold
                            : number(recorded, "kv_cache_threshold", Thresholds.DEFAULT_KV_CACHE_THRESHOLD),
                    minNumberOfValidQueries != null
                            ? minNumberOfValidQueries
                            : (int) number(
                                    recorded,
                                    "min_number_of_valid_queries",
                                    ReportSettings.DEFAULT_MIN_NUMBER_OF_VALID_QUERIES),
                    gpuName.or(
                            () -> Optional.ofNullable(recorded.get("gpu_name")).map(Object::toString)),
                    modelName,
                    slo.or(() -> Optional.ofNullable(recorded.get("slo")).map(Object::toString))
                            .filter(text -> !text.isBlank())
                            .map(ServiceLevelObjectives::parse));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        ReportSummary summary = ReportBuilder.build(outputFolder, raw, settings);
        summary.notes().forEach(note -> spec.commandLine().getErr().println("note: " + note));
        spec.commandLine().getOut().println(summary.reportFolder().resolve("index.html"));
        return 0;
    }

    private static double number(Map<String, Object> parameters, String name, double fallback) {
        return parameters.get(name) instanceof Number n ? n.doubleValue() : fallback;
    }
}
