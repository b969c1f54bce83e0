package io.benchsuite.cli;

import io.benchsuite.client.ServerUnavailableException;
import io.benchsuite.config.BenchSettings;
import io.benchsuite.config.SettingsLoader;
import io.benchsuite.config.SettingsValidator;
import io.benchsuite.config.UsageException;
import io.benchsuite.report.ReportBuilder;
import io.benchsuite.report.ReportSettings;
import io.benchsuite.report.ReportSummary;
import io.benchsuite.selfmetrics.SelfMetrics;
import io.benchsuite.selfmetrics.SelfMetricsSession;
import io.benchsuite.shard.ShardCoordination;
import io.benchsuite.shard.ShardFollower;
import io.benchsuite.simulator.RunningSimulator;
import io.benchsuite.simulator.Simulator;
import io.benchsuite.simulator.SimulatorConfig;
import io.benchsuite.suite.BenchmarkExecution;
import io.benchsuite.suite.QuickMode;
import io.benchsuite.suite.RunFolders;
import io.benchsuite.suite.RunSettings;
import io.benchsuite.suite.SuiteLauncher;
import io.quarkus.picocli.runtime.annotations.TopCommand;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jboss.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code bench-suite}: runs the whole suite against a server; subcommands do one part each. */
@TopCommand
@Command(
        name = "bench-suite",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Benchmarks an LLM serving API (vLLM, happy_vllm, OpenAI-compatible): prompt ingestion, "
                + "KV-cache profile and generation speed, with a report. Settings come from options, environment "
                + "variables (BENCH_X or X) or a .env file.",
        subcommands = {
            RunCommand.class,
            SimulateCommand.class,
            DatasetsCommand.class,
            ReportCommand.class,
            CompareCommand.class,
            FidelityCommand.class,
            LoadCommand.class,
            MergeCommand.class
        })
public class BenchSuiteCommand implements Callable<Integer>, UsesSettings {

    private static final Logger LOG = Logger.getLogger(BenchSuiteCommand.class);

    @Spec
    CommandSpec spec;

    @Inject
    Vertx vertx;

    @Inject
    SelfMetrics selfMetrics;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces with errors.")
    boolean verbose;

    @Option(
            names = "--simulate",
            description = "Start the built-in simulator (preset --simulator-preset) on a free "
                    + "port and run the suite against it.")
    boolean simulate;

    @Option(
            names = "--simulator-preset",
            defaultValue = "demo",
            paramLabel = "<preset>",
            description = "Simulator preset for --simulate: demo, fast, a100-7b or exact. Default: ${DEFAULT-VALUE}.")
    String simulatorPreset;

    @Option(
            names = "--quick",
            description = "Scale durations, counts and grids down so the suite ends in about two "
                    + "minutes; settings you give still win (what it sets: below). Env: BENCH_QUICK.")
    boolean quick;

    @Option(
            names = "--run-folder",
            paramLabel = "<folder>",
            description = "Write into this folder instead of a new timestamped one under " + "output-folder.")
    Path runFolder;

    @Option(
            names = "--resume",
            description = "Continue an interrupted run (--run-folder, else the newest unfinished "
                    + "one) with the settings and seed it stored: finished benchmarks are skipped. Env: BENCH_RESUME.")
    boolean resume;

    @Mixin
    MeasurementOptions measurement;

    @Override
    public Integer call() throws Exception {
        // Signals are taken from the start: one that comes while settings load or the simulator starts still
        // ends with the report and the resume line, not with the JVM's exit 143.
        java.util.function.Consumer<Runnable> onStopSignal = StopSignals.early();
        // --quick, --resume and the others given as options are in here too, and otherwise come from the
        // environment (BENCH_QUICK...) like any setting.
        Map<String, String> given = new HashMap<>(SettingsOptions.given(spec));
        // One seed for this invocation, however often the settings are loaded.
        Map<String, String> preset = new HashMap<>(Map.of("seed", Long.toString(SettingsLoader.drawSeed())));
        BenchSettings settings = SettingsLoader.load(given, preset);
        if (settings.quick()) {
            preset.putAll(QuickMode.SETTINGS);
            settings = SettingsLoader.load(given, preset);
            QuickOverrides.warning(QuickMode.SETTINGS, SettingsLoader.given(given))
                    .ifPresent(LOG::warn);
        }
        SettingsValidator.validate(settings);
        io.benchsuite.health.LaunchFlags.checkThisProcess()
                .ifPresent(org.jboss.logging.Logger.getLogger(BenchSuiteCommand.class)::warn);
        if (settings.shardIndex() > 0) {
            // A shard other than 0 has no plan, folder or report of its own: it runs what shard 0 publishes.
            return ShardFollower.run(settings, vertx, StopSignals::onStop) == 0 ? 0 : ErrorReporter.FAILURE;
        }
        Path folder = RunFolders.resolve(
                Path.of(settings.outputFolder()),
                Optional.ofNullable(runFolder),
                settings.resume(),
                LocalDateTime.now());
        if (settings.resume()) {
            Optional<Map<String, String>> stored = RunSettings.read(folder);
            if (stored.isPresent()) {
                RunSettings.checkResume(folder, stored.get(), SettingsLoader.given(given));
                preset = new HashMap<>(Boolean.parseBoolean(stored.get().get("quick")) ? QuickMode.SETTINGS : Map.of());
                preset.putAll(stored.get());
                settings = SettingsLoader.load(given, preset);
                SettingsValidator.validate(settings);
                LOG.infof(
                        "Resuming %s with the settings it stored%s (seed %d)",
                        folder, settings.quick() ? ", --quick" : "", settings.seed());
            } else {
                LOG.warnf(
                        "%s holds no %s (written by an older version): resuming with the settings given now",
                        folder, RunSettings.FILE_NAME);
            }
        }
        SettingsValidator.datasetFolder(settings);

        Optional<RunningSimulator> simulator = Optional.empty();
        try {
            if (simulate) {
                simulator = Optional.of(startSimulator());
                given.put("base-url", simulator.get().baseUrl());
                given.put("backend", "happy_vllm");
                given.remove("model");
                settings = SettingsLoader.load(given, preset);
                SettingsValidator.validate(settings);
            }
            BenchSettings effective = settings;
            SuiteLauncher.Result result;
            try (SelfMetricsSession metrics =
                            selfMetrics.open(settings.metricsPort().orElse(null));
                    ShardCoordination shards = settings.shardCount() > 1 ? ShardCoordination.start(effective) : null) {
                result = SuiteLauncher.run(
                        effective,
                        folder,
                        vertx,
                        System.console() != null,
                        settings.quick() ? QuickMode.IDLE_METRICS_SECONDS : 1.0,
                        onStopSignal,
                        metrics,
                        settings.exactInputLengths(),
                        settings.quick(),
                        (run, outcome) -> {
                            if (shards != null) {
                                shards.finish(run);
                            }
                            drawReport(effective, run, outcome.interrupted());
                        },
                        shards != null ? shards.execution() : BenchmarkExecution.Factory.LOCAL);
            }
            if (result.outcome().interrupted()) {
                String resume =
                        ResumeCommand.of(spec.commandLine().getParseResult().originalArgs(), folder);
                if (result.outcome().serverGone().isPresent()) {
                    throw new ServerUnavailableException(
                            "stopped: " + result.outcome().serverGone().get()
                                    + "; results so far are in " + folder
                                    + "; once the server answers again, finish with: "
                                    + resume,
                            null);
                }
                LOG.warnf("Interrupted: results so far are in %s; finish with: %s", folder, resume);
                return ErrorReporter.FAILURE;
            }
            LOG.infof(
                    "Suite finished: %d benchmarks run, %d already done; results in %s",
                    result.outcome().benchmarksRun(), result.outcome().benchmarksSkipped(), folder);
            if (!result.outcome().inDoubt().isEmpty()) {
                // The suite went on past them; its end says which benchmarks to distrust, and so does the exit code.
                LOG.warnf(
                        "%d benchmark(s) in doubt, more than max-failed-share of their requests failed (marked in "
                                + "the report): %s",
                        result.outcome().inDoubt().size(),
                        String.join(", ", result.outcome().inDoubt().keySet()));
                return ErrorReporter.FAILURE;
            }
            return 0;
        } finally {
            simulator.ifPresent(RunningSimulator::close);
        }
    }

    /**
     * The report is drawn from whatever exists, an interrupted run included; only a complete run is marked
     * finished (and its raw folder replaced by the zip).
     */
    private static void drawReport(BenchSettings settings, Path run, boolean interrupted) throws IOException {
        ReportSummary summary = ReportBuilder.build(
                run,
                new ReportSettings(
                        settings.speedThreshold(),
                        settings.kvCacheThreshold(),
                        settings.minNumberOfValidQueries(),
                        settings.gpuName(),
                        settings.modelName(),
                        SettingsValidator.slo(settings)));
        summary.notes().forEach(note -> LOG.info("report: " + note));
        LOG.infof("Report: %s", run.resolve("report/index.html"));
        if (!interrupted) {
            RunFolders.markComplete(run);
        }
    }

    private RunningSimulator startSimulator() {
        SimulatorConfig config;
        try {
            config = SimulatorConfig.preset(simulatorPreset);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--simulator-preset: " + e.getMessage());
        }
        RunningSimulator simulator = Simulator.start(config, "127.0.0.1", 0);
        LOG.infof("Simulator (%s preset) listening on %s", simulatorPreset, simulator.baseUrl());
        return simulator;
    }
}
