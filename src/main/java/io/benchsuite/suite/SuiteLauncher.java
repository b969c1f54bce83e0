package io.benchsuite.suite;

import io.benchsuite.config.Backend;
import io.benchsuite.config.BenchSettings;
import io.benchsuite.config.SettingsValidator;
import io.benchsuite.selfmetrics.SelfMetricsSession;
import io.benchsuite.workload.DatasetLoader;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The whole suite: checks what can be checked before touching the server (datasets, run folder), opens the
 * server session, runs the plan with resume and clean interruption, then draws the report from whatever
 * exists. A SIGINT or SIGTERM (Ctrl-C, Kubernetes) stops the benchmark in progress and keeps its results.
 */
public final class SuiteLauncher {

    private static final Logger LOG = Logger.getLogger(SuiteLauncher.class);

    /** What happened, for the exit code and the last message. */
    public record Result(Path runFolder, SuiteRunner.SuiteOutcome outcome) {
    }

    /** A step run once the benchmarks are over (the report), given the run folder. */
    @FunctionalInterface
    public interface AfterBenchmarks {
        void run(Path runFolder, SuiteRunner.SuiteOutcome outcome) throws IOException;
    }

    private SuiteLauncher() {
    }

    /**
     * @param onStopSignal registers the action to run when the user or the orchestrator asks the run to stop
     * @param selfMetrics  the run's own metrics (--metrics-port), or {@link SelfMetricsSession#OFF}
     * @param exactInputLengths fit each prompt to its nominal length with the server's tokenize endpoint
     */
    public static Result run(BenchSettings settings, Path runFolder, Vertx vertx, boolean terminal, double idleSeconds,
            Consumer<Runnable> onStopSignal, SelfMetricsSession selfMetrics, boolean exactInputLengths,
            AfterBenchmarks after) throws IOException, InterruptedException {
        Optional<Path> datasets = SettingsValidator.datasetFolder(settings);
        checkDatasets(settings, datasets);
        Backend backend = Backend.parse(settings.backend());
        List<PlannedBenchmark> plan = SuitePlan.of(settings, backend.hasServerMetrics());

        try (ConsoleProgress console = new ConsoleProgress(plan, terminal, System.err)) {
            return runPlan(settings, runFolder, vertx, idleSeconds, onStopSignal, selfMetrics.wrap(console), plan,
                    selfMetrics, exactInputLengths, after);
        }
    }

    private static Result runPlan(BenchSettings settings, Path runFolder, Vertx vertx, double idleSeconds,
            Consumer<Runnable> onStopSignal, SuiteProgress progress, List<PlannedBenchmark> plan,
            SelfMetricsSession selfMetrics, boolean exactInputLengths, AfterBenchmarks after)
            throws IOException, InterruptedException {
        int pool = SuitePlan.maxConcurrency(plan, settings.maxQueries());
        try (ServerSession session = ServerSession.open(settings, vertx, pool, progress, idleSeconds,
                exactInputLengths)) {
            selfMetrics.watchServer(session.context().poller());
            Path raw = RunFolders.createRawFolder(runFolder);
            RunSettings.write(runFolder, settings);
            LOG.infof("Run folder %s: %d benchmarks planned, seed %d (stored with the settings for --resume; "
                    + "--seed %d sends the same prompts again)", runFolder, plan.size(), settings.seed(), settings.seed());
            SuiteRunner runner = new SuiteRunner(settings, session.context(), raw, progress);
            onStopSignal.accept(() -> {
                LOG.warn("Stopping: the benchmark in progress is cancelled and kept as incomplete; "
                        + "the report is drawn from what was measured");
                runner.stop();
            });
            SuiteRunner.SuiteOutcome outcome = runner.run(plan);
            after.run(runFolder, outcome);
            return new Result(runFolder, outcome);
        }
    }

    /** Every dataset the plan reads must load before any benchmark starts. */
    private static void checkDatasets(BenchSettings settings, Optional<Path> folder) {
        TreeSet<Integer> lengths = new TreeSet<>(settings.inputLengths());
        lengths.add(Integer.parseInt(SuitePlan.GROWING_PROMPTS));
        for (int length : lengths) {
            DatasetLoader.load(folder, length);
        }
    }
}
