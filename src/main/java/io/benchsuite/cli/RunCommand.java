package io.benchsuite.cli;

import io.benchsuite.client.ServerUnavailableException;
import io.benchsuite.config.BenchSettings;
import io.benchsuite.config.SettingsLoader;
import io.benchsuite.config.SettingsValidator;
import io.benchsuite.config.UsageException;
import io.benchsuite.results.RawResult;
import io.benchsuite.results.RawResultWriter;
import io.benchsuite.schedule.QueryProfile;
import io.benchsuite.schedule.StopRule;
import io.benchsuite.selfmetrics.SelfMetrics;
import io.benchsuite.selfmetrics.SelfMetricsSession;
import io.benchsuite.suite.BenchmarkRunner;
import io.benchsuite.suite.BenchmarkSpec;
import io.benchsuite.suite.ConsecutiveFailures;
import io.benchsuite.suite.FailedShare;
import io.benchsuite.suite.ServerSession;
import io.benchsuite.workload.DatasetLoader;
import io.benchsuite.workload.PlannedPrompt;
import io.benchsuite.workload.PromptPlanner;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jboss.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench-suite run}: one benchmark, like the original tool's benchmark.py, written to one JSON file. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Runs one benchmark against the server and writes its raw result JSON.")
public class RunCommand implements Callable<Integer>, UsesSettings {

    private static final Logger LOG = Logger.getLogger(RunCommand.class);

    @Spec
    CommandSpec spec;

    @Inject
    Vertx vertx;

    @Inject
    SelfMetrics selfMetrics;

    @Option(
            names = "--query-profile",
            paramLabel = "<profile>",
            defaultValue = "constant_number_of_queries",
            description = "constant_number_of_queries, growing_requests or request_rate. Default: ${DEFAULT-VALUE}.")
    String queryProfile;

    @Option(
            names = "--prompt-length",
            paramLabel = "<tokens>",
            defaultValue = "0",
            description = "0 for the growing prompts, else N for prompts_length_N.json. Default: ${DEFAULT-VALUE}.")
    int promptLength;

    @Option(
            names = "--output-length",
            paramLabel = "<tokens>",
            required = true,
            description = "Exact number of tokens to generate.")
    int outputLength;

    @Option(
            names = "--n-workers",
            paramLabel = "<n>",
            defaultValue = "1",
            description = "Requests in flight (constant profile). Default: ${DEFAULT-VALUE}.")
    int nWorkers;

    @Option(
            names = "--request-rate",
            paramLabel = "<requests/s>",
            defaultValue = "inf",
            description =
                    "Requests per second (request_rate profile); inf sends all at once. Default: ${DEFAULT-VALUE}.")
    String requestRate;

    @Option(
            names = "--max-duration",
            paramLabel = "<seconds>",
            defaultValue = "900",
            description = "Seconds after which nothing more is sent. Default: ${DEFAULT-VALUE}.")
    double maxDuration;

    @Option(
            names = "--min-duration",
            paramLabel = "<seconds>",
            description = "Seconds before the run may stop on the target count. Default: max duration.")
    Double minDuration;

    @Option(
            names = "--target-queries-nb",
            paramLabel = "<requests>",
            description = "Requests after which the run may stop once the min duration passed. Default: max-queries.")
    Integer targetQueries;

    @Option(
            names = "--output-file",
            paramLabel = "<file>",
            required = true,
            description = "Where to write the raw result JSON.")
    Path outputFile;

    @Option(names = "--query-metrics", description = "Keep every request's statistics (individual_query).")
    boolean queryMetrics;

    @Option(names = "--with-kv-cache-profile", description = "Keep every server metrics sample (kv_cache_profile).")
    boolean withKvCacheProfile;

    @Mixin
    MeasurementOptions measurement;

    /** The settings of the suite's plan (pairs, levels, per-phase durations, where runs go), not of one benchmark. */
    private static final java.util.Set<String> SUITE_ONLY = java.util.Set.of(
            "input-lengths",
            "output-lengths",
            "parallel-requests",
            "max-duration-prompt-ingestion",
            "max-duration-kv-cache-profile",
            "max-duration-speed-generation",
            "min-duration-speed-generation",
            "target-queries-nb-speed-generation",
            "stop-on-saturation",
            "output-folder",
            "shard-count",
            "shard-index",
            "shard-folder",
            "shard-timeout",
            "sweep",
            "slo");

    @Override
    public boolean uses(io.benchsuite.config.Setting setting) {
        return !SUITE_ONLY.contains(setting.name());
    }

    @Override
    public Integer call() throws Exception {
        BenchSettings settings = SettingsLoader.load(SettingsOptions.given(spec));
        SettingsValidator.validate(settings);
        BenchmarkSpec benchmark = benchmark(settings);
        io.benchsuite.health.LaunchFlags.checkThisProcess().ifPresent(LOG::warn);
        checkOutputFile();
        List<String> dataset = DatasetLoader.load(SettingsValidator.datasetFolder(settings), promptLength);
        List<String> prompts = PromptPlanner.plan(dataset, settings.maxQueries(), settings.seed()).prompts().stream()
                .map(PlannedPrompt::text)
                .toList();
        LOG.infof(
                "Seed %d (in the result's parameters; --seed %d sends the same prompts again)",
                settings.seed(), settings.seed());

        try (SelfMetricsSession metrics =
                        selfMetrics.open(settings.metricsPort().orElse(null));
                ServerSession session = ServerSession.open(
                        settings,
                        vertx,
                        benchmark.maxInFlight(prompts.size()),
                        metrics.singleBenchmark("run", "input " + promptLength + ", output " + outputLength, nWorkers),
                        ServerSession.DEFAULT_IDLE_METRICS_SECONDS,
                        settings.exactInputLengths())) {
            metrics.watchServer(session.context().poller());
            BenchmarkRunner runner =
                    new BenchmarkRunner(session.context(), new ConsecutiveFailures(settings.maxConsecutiveFailures()));
            StopSignals.onStop(runner::stop);
            RawResult result = runner.run(benchmark, prompts);
            metrics.singleBenchmarkEnded();
            RawResultWriter.write(outputFile, result);
            if (runner.gaveUp().isPresent()) {
                throw new ServerUnavailableException(
                        "stopped: " + runner.gaveUp().get().describe() + " on " + SettingsValidator.baseUrl(settings)
                                + "; the partial result is in " + outputFile,
                        null);
            }
            LOG.infof(
                    "%d requests (%d errors) in %.1f s; wrote %s%s",
                    result.general().totalNumberOfQueries(),
                    result.general().nbErroredQueries(),
                    result.general().actualTotalTime(),
                    outputFile,
                    result.complete() ? "" : " (interrupted: partial result)");
            java.util.Optional<String> doubt =
                    FailedShare.of(result.general(), settings.maxFailedShare()).warning();
            doubt.ifPresent(w -> LOG.warn("The benchmark is in doubt: " + w + "; the result is in " + outputFile));
            return result.complete() && doubt.isEmpty() ? 0 : 1;
        }
    }

    private BenchmarkSpec benchmark(BenchSettings settings) {
        QueryProfile profile;
        try {
            profile = QueryProfile.parse(queryProfile);
        } catch (IllegalArgumentException e) {
            throw new UsageException("Unknown --query-profile '" + queryProfile
                    + "'; use constant_number_of_queries, growing_requests or request_rate");
        }
        require(outputLength >= 1, "--output-length must be at least 1");
        require(nWorkers >= 1, "--n-workers must be at least 1");
        double rate = parseRate(requestRate);
        require(
                maxDuration > 0 && !Double.isInfinite(maxDuration),
                "--max-duration must be a positive number of seconds");
        double min = minDuration == null ? maxDuration : minDuration;
        require(min >= 0 && min <= maxDuration, "--min-duration must be between 0 and --max-duration");
        int target = targetQueries == null ? settings.maxQueries() : targetQueries;
        require(target >= 1, "--target-queries-nb must be at least 1");
        return new BenchmarkSpec(
                profile,
                promptLength,
                outputLength,
                nWorkers,
                rate,
                new StopRule(maxDuration, min, target),
                queryMetrics,
                withKvCacheProfile);
    }

    /** Checked before the run, not after it as in the original tool, so a typo costs nothing. */
    private void checkOutputFile() {
        require(!Files.isDirectory(outputFile), "--output-file " + outputFile + " is a folder; give a file name");
        Path existing = outputFile.toAbsolutePath().getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        require(
                existing != null && Files.isDirectory(existing) && Files.isWritable(existing),
                "--output-file " + outputFile + " cannot be created ('" + existing + "' is not a writable folder); "
                        + "choose another path");
    }

    /** A positive number of requests per second, or inf (the original tool's spelling) for all at once. */
    static double parseRate(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("inf") || t.equals("infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            double rate = Double.parseDouble(t);
            require(rate > 0 && !Double.isNaN(rate), "--request-rate must be above 0 (or inf)");
            return rate;
        } catch (NumberFormatException e) {
            throw new UsageException("--request-rate '" + text + "' is not a number; give requests per second or inf");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new UsageException(message);
        }
    }
}
