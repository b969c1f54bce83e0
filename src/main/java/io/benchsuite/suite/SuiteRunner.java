package io.benchsuite.suite;

import io.benchsuite.client.ServerUnavailableException;
import io.benchsuite.config.BenchSettings;
import io.benchsuite.config.SettingsValidator;
import io.benchsuite.results.BenchmarkKind;
import io.benchsuite.results.RawResult;
import io.benchsuite.results.RawResultFiles;
import io.benchsuite.results.RawResultWriter;
import io.benchsuite.stats.RunMetrics;
import io.benchsuite.stats.SweepLevel;
import io.benchsuite.time.Ticker;
import io.benchsuite.workload.DatasetLoader;
import io.benchsuite.workload.PlannedPrompt;
import io.benchsuite.workload.PromptPlanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the suite's benchmarks one after the other, writing each raw result as soon as it ends, so an
 * interruption loses at most the benchmark in progress (and that one is kept, marked incomplete).
 * Benchmarks whose complete result is already in the folder are skipped, which is how a run resumes.
 *
 * <p>A pair's generation-speed sweep stops early when its time budget is spent (the original tool's rule:
 * no new level once max-duration-speed-generation has passed since the pair started) or, unless turned off,
 * when two consecutive levels are saturated (KV cache full and requests slower than the speed threshold).
 *
 * <p>The suite stops on its own, as after Ctrl-C, when the server stops answering: when max-consecutive-failures
 * requests in a row could not reach it (counted across benchmarks, see {@link ConsecutiveFailures}), or when
 * a benchmark's warm-up request fails. The reason is in the outcome, for the message telling how to resume.
 */
public final class SuiteRunner {

    private final BenchSettings settings;
    private final Ticker ticker;
    private final RunContext context;
    private final Path rawFolder;
    private final SuiteProgress progress;
    private final Map<Integer, List<String>> datasets = new HashMap<>();
    private final ConsecutiveFailures failures;
    private volatile BenchmarkRunner current;
    private volatile boolean stopped;
    private String serverGone;
    private final Map<String, String> inDoubt = new LinkedHashMap<>();
    private BenchmarkExecution execution = BenchmarkExecution.LOCAL;

    public SuiteRunner(BenchSettings settings, RunContext context, Path rawFolder, SuiteProgress progress) {
        this(settings, context, rawFolder, progress, Ticker.SYSTEM);
    }

    /** @param ticker the clock of the pairs' time budgets */
    SuiteRunner(BenchSettings settings, RunContext context, Path rawFolder, SuiteProgress progress, Ticker ticker) {
        this.settings = settings;
        this.ticker = ticker;
        this.context = context;
        this.rawFolder = rawFolder;
        this.progress = progress;
        this.failures = new ConsecutiveFailures(settings.maxConsecutiveFailures());
    }

    /** Runs each benchmark through {@code execution} instead of on this machine alone (a sharded run). */
    public SuiteRunner executingWith(BenchmarkExecution execution) {
        this.execution = execution;
        return this;
    }

    /** Stops the suite: the benchmark in progress ends at once and is written as incomplete. */
    public void stop() {
        stopped = true;
        BenchmarkRunner runner = current;
        if (runner != null) {
            runner.stop();
        }
    }

    /** @return which levels ran (or were already there) per pair, for the report's notes */
    public SuiteOutcome run(List<PlannedBenchmark> plan) throws InterruptedException, IOException {
        PairDecisions pairs = PairDecisions.of(settings, maxModelLen(), ticker);
        int ran = 0;
        int skipped = 0;
        for (int i = 0; i < plan.size() && !stopped; i++) {
            PlannedBenchmark b = plan.get(i);
            Path file = rawFolder.resolve(b.fileName());
            PairDecisions.Decision decision = pairs.before(b);
            decision.note().ifPresent(progress::note);
            if (!decision.run()) {
                continue;
            }
            if (RawResultFiles.isFinished(file)) {
                skipped++;
                progress.note("already done, skipped: " + b.fileName());
                if (b.phase() == BenchmarkKind.GENERATION_SPEED) {
                    RawResultFiles.sweepLevel(file, b.level()).ifPresent(level -> pairs.levelMeasured(b, level));
                }
                continue;
            }
            pairs.started(b);
            RawResult result;
            try {
                result = runOne(b, i + 1, plan.size());
            } catch (ServerUnavailableException warmUpFailed) {
                // The warm-up (or the prompt fitting before it) failed: nothing was measured, so nothing is
                // written, and the suite ends as if interrupted.
                stopOnServerGone(warmUpFailed.getMessage());
                break;
            }
            RawResultWriter.write(file, result);
            ran++;
            FailedShare.of(result.general(), settings.maxFailedShare())
                    .warning()
                    .ifPresent(w -> {
                        inDoubt.put(b.fileName(), w);
                        progress.note("in doubt: " + b.fileName() + ": " + w);
                    });
            progress.benchmarkEnded(
                    b, result.general().totalNumberOfQueries(), result.general().nbErroredQueries(), result.complete());
            if (b.phase() == BenchmarkKind.GENERATION_SPEED) {
                pairs.levelMeasured(b, SweepLevel.of(b.level(), new RunMetrics(result.general(), result.aggregated())));
            }
        }
        return new SuiteOutcome(
                ran,
                skipped,
                stopped,
                new LinkedHashMap<>(pairs.sweepStops()),
                Optional.ofNullable(serverGone),
                inDoubt);
    }

    /** The server's context length, when it said (happy_vllm's max_length, vLLM's max_model_len). */
    private java.util.OptionalInt maxModelLen() {
        return context.commonParameters().get("max_model_len") instanceof Number n
                ? java.util.OptionalInt.of(n.intValue())
                : java.util.OptionalInt.empty();
    }

    private void stopOnServerGone(String what) {
        stopped = true;
        serverGone = what + " on " + SettingsValidator.baseUrl(settings);
    }

    private RawResult runOne(PlannedBenchmark b, int index, int total) throws InterruptedException {
        int promptLength = b.spec().promptLength();
        List<String> dataset = datasets.computeIfAbsent(
                promptLength, length -> DatasetLoader.load(SettingsValidator.datasetFolder(settings), length));
        // A fresh prefix per benchmark defeats prefix caching across benchmarks; derived from the run seed and
        // the file name so that a resumed run sends what the interrupted one would have sent.
        long seed = promptSeed(settings.seed(), b.fileName());
        List<String> prompts = PromptPlanner.plan(dataset, settings.maxQueries(), seed).prompts().stream()
                .map(PlannedPrompt::text)
                .toList();
        progress.benchmarkStarted(b, index, total, targetQueries(b, prompts.size()));
        BenchmarkRunner runner = new BenchmarkRunner(context, failures);
        current = runner;
        if (stopped) {
            runner.stop();
        }
        try {
            RawResult result = execution.run(runner, b, prompts);
            runner.gaveUp().ifPresent(streak -> stopOnServerGone(streak.describe()));
            return result;
        } finally {
            current = null;
        }
    }

    /** The seed of a benchmark's prompts (prefix and order): the run's seed mixed with the raw file's name. */
    public static long promptSeed(long runSeed, String fileName) {
        return runSeed * 31 + fileName.hashCode();
    }

    private static int targetQueries(PlannedBenchmark b, int prompts) {
        int target = b.spec().stopRule().targetQueries();
        boolean timeOnly =
                b.spec().stopRule().minDurationSeconds() >= b.spec().stopRule().maxDurationSeconds();
        return timeOnly || target == 0 ? prompts : Math.min(target, prompts);
    }

    /**
     * @param interrupted true when the suite stopped before its end, on a signal or because the server was gone
     * @param sweepStops  pair label to the reason its sweep stopped early
     * @param serverGone  why the suite stopped on its own because the server stopped answering, naming its URL
     * @param inDoubt     raw file name to the failed-share warning of each benchmark run now whose share of
     *                    failed requests was above max-failed-share
     */
    public record SuiteOutcome(
            int benchmarksRun,
            int benchmarksSkipped,
            boolean interrupted,
            Map<String, String> sweepStops,
            Optional<String> serverGone,
            Map<String, String> inDoubt) {

        public SuiteOutcome(
                int benchmarksRun,
                int benchmarksSkipped,
                boolean interrupted,
                Map<String, String> sweepStops,
                Optional<String> serverGone) {
            this(benchmarksRun, benchmarksSkipped, interrupted, sweepStops, serverGone, Map.of());
        }
    }
}
