package io.benchsuite.cli;

import io.benchsuite.config.UsageException;
import io.benchsuite.report.RawResultsReader;
import io.benchsuite.report.ReportBuilder;
import io.benchsuite.report.ReportSettings;
import io.benchsuite.report.ReportSummary;
import io.benchsuite.stats.Thresholds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench-suite report}: redraws the report of an output folder from its raw results. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Draws <output-folder>/report/ (graphs, thresholds.csv, README.md, index.html) from "
                + "<output-folder>/raw_results/ or raw_results.zip, then packs raw_results/ into raw_results.zip.")
public class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--output-folder", required = true, paramLabel = "<folder>",
            description = "The run's output folder, the one holding raw_results/ or raw_results.zip.")
    Path outputFolder;

    @Option(names = "--speed-threshold", paramLabel = "<tokens/s>",
            description = "Per-request generation speed a level must reach. Default: ${DEFAULT-VALUE}.")
    double speedThreshold = Thresholds.DEFAULT_SPEED_THRESHOLD;

    @Option(names = "--kv-cache-threshold", paramLabel = "<0-1>",
            description = "KV-cache usage from which the cache counts as full. Default: ${DEFAULT-VALUE}.")
    double kvCacheThreshold = Thresholds.DEFAULT_KV_CACHE_THRESHOLD;

    @Option(names = "--min-number-of-valid-queries", paramLabel = "<count>",
            description = "A raw file with fewer valid queries is left out. Default: ${DEFAULT-VALUE}.")
    int minNumberOfValidQueries = ReportSettings.DEFAULT_MIN_NUMBER_OF_VALID_QUERIES;

    @Option(names = "--gpu-name", paramLabel = "<name>", description = "GPU name shown in the report.")
    Optional<String> gpuName = Optional.empty();

    @Option(names = "--model-name", paramLabel = "<name>",
            description = "Model name shown in the report, instead of the one recorded in the raw results.")
    Optional<String> modelName = Optional.empty();

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(outputFolder)) {
            throw new UsageException("--output-folder " + outputFolder + " is not a folder");
        }
        if (!RawResultsReader.hasRawResults(outputFolder)) {
            throw new UsageException("--output-folder " + outputFolder + " holds neither "
                    + RawResultsReader.RAW_FOLDER + "/ nor " + RawResultsReader.RAW_ZIP);
        }
        ReportSettings settings;
        try {
            settings = new ReportSettings(speedThreshold, kvCacheThreshold, minNumberOfValidQueries, gpuName, modelName);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        ReportSummary summary = ReportBuilder.build(outputFolder, settings);
        summary.notes().forEach(note -> spec.commandLine().getErr().println("note: " + note));
        spec.commandLine().getOut().println(summary.reportFolder().resolve("index.html"));
        return 0;
    }
}
