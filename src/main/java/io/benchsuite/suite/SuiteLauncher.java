package io.benchsuite.suite;

import io.benchsuite.config.BenchSettings;
import io.benchsuite.config.SettingsValidator;
import io.benchsuite.config.SweepMode;
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
    public record Result(Path runFolder, SuiteRunner.SuiteOutcome outcome) {}

    /** A step run once the benchmarks are over (the report), given the run folder. */
    @FunctionalInterface
    public interface AfterBenchmarks {
        void run(Path runFolder, SuiteRunner.SuiteOutcome outcome) throws IOException;
    }

    private SuiteLauncher() {}

    /**
     * @param onStopSignal registers the action to run when the user or the orchestrator asks the run to stop
     * @param observer     wraps the progress and watches the poller (the command line's self-metrics), or
     *                     {@link SuiteObserver#NONE}
     * @param exactInputLengths fit each prompt to its nominal length with the server's tokenize endpoint
     * @param quick             the run is --quick: recorded in every raw result's parameters, for the report
     */
    public static Result run(
            BenchSettings settings,
            Path runFolder,
            Vertx vertx,
            boolean terminal,
            double idleSeconds,
            Consumer<Runnable> onStopSignal,
            SuiteObserver observer,
            boolean exactInputLengths,
            boolean quick,
            AfterBenchmarks after)
            throws IOException, InterruptedException {
        return run(
                settings,
                runFolder,
                vertx,
                terminal,
                idleSeconds,
                onStopSignal,
                observer,
                exactInputLengths,
                quick,
                after,
                BenchmarkExecution.Factory.LOCAL);
    }

    /** Same, each benchmark run through the execution {@code execution} builds (a sharded run's shard 0). */
    public static Result run(
            BenchSettings settings,
            Path runFolder,
            Vertx vertx,
            boolean terminal,
            double idleSeconds,
            Consumer<Runnable> onStopSignal,
            SuiteObserver observer,
            boolean exactInputLengths,
            boolean quick,
            AfterBenchmarks after,
            BenchmarkExecution.Factory execution)
            throws IOException, InterruptedException {
        Optional<Path> datasets = SettingsValidator.datasetFolder(settings);
        checkDatasets(settings, datasets);
        // Resolved first: with backend=auto, whether the plan has KV-cache profiles depends on the server found.
        DetectedBackend backend = ServerSession.resolveBackend(settings);
        List<PlannedBenchmark> plan = SuitePlan.of(settings, backend.backend().hasServerMetrics());

        try (ConsoleProgress console = new ConsoleProgress(plan, terminal, System.err)) {
            return runPlan(
                    settings,
                    runFolder,
                    vertx,
                    idleSeconds,
                    onStopSignal,
                    observer.wrap(console),
                    plan,
                    observer,
                    exactInputLengths,
                    quick,
                    after,
                    console,
                    backend,
                    execution);
        }
    }

    private static Result runPlan(
            BenchSettings settings,
            Path runFolder,
            Vertx vertx,
            double idleSeconds,
            Consumer<Runnable> onStopSignal,
            SuiteProgress progress,
            List<PlannedBenchmark> plan,
            SuiteObserver observer,
            boolean exactInputLengths,
            boolean quick,
            AfterBenchmarks after,
            ConsoleProgress console,
            DetectedBackend backend,
            BenchmarkExecution.Factory execution)
            throws IOException, InterruptedException {
        int pool = SuitePlan.maxConcurrency(plan, settings.maxQueries());
        try (ServerSession session =
                ServerSession.open(settings, vertx, pool, progress, idleSeconds, exactInputLengths, backend)) {
            observer.watchServer(session.context().poller());
            // Before any benchmark: a quick run's numbers must say so wherever they go, and the report must be
            // able to tell a sweep cut short from the levels it was given.
            session.context().commonParameters().put("quick", quick);
            session.context().commonParameters().put("parallel_requests", settings.parallelRequests());
            session.context()
                    .commonParameters()
                    .put("sweep", SweepMode.parse(settings.sweep()).id());
            Path raw = RunFolders.createRawFolder(runFolder);
            RunSettings.write(runFolder, settings);
            LOG.infof(
                    "Run folder %s: %d benchmarks planned, seed %d (stored with the settings for --resume; "
                            + "--seed %d sends the same prompts again)",
                    runFolder, plan.size(), settings.seed(), settings.seed());
            SuiteRunner runner = new SuiteRunner(settings, session.context(), raw, progress)
                    .executingWith(execution.of(session.context()))
                    .countingPromptTokensWith(session::promptTokenCounter);
            onStopSignal.accept(() -> {
                // The live line is cleared first, or the warning would be printed glued to its end.
                console.stopping();
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
        lengths.add(SuitePlan.GROWING_PROMPTS);
        for (int length : lengths) {
            DatasetLoader.load(folder, length);
        }
    }
}
