package io.benchsuite.suite;

import io.benchsuite.client.ServerUnavailableException;
import io.benchsuite.config.BenchSettings;
import io.benchsuite.config.SettingsValidator;
import io.benchsuite.config.SweepMode;
import io.benchsuite.results.BenchmarkKind;
import io.benchsuite.results.RawResult;
import io.benchsuite.results.RawResultFiles;
import io.benchsuite.results.RawResultWriter;
import io.benchsuite.stats.MeasuredLevel;
import io.benchsuite.stats.QueryStats;
import io.benchsuite.stats.RunMetrics;
import io.benchsuite.stats.SweepLevel;
import io.benchsuite.time.Ticker;
import io.benchsuite.workload.DatasetLoader;
import io.benchsuite.workload.PlannedPrompt;
import io.benchsuite.workload.PromptPlanner;
import io.benchsuite.workload.TokenCounter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

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

    private static final Logger LOG = Logger.getLogger(SuiteRunner.class);

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
    private int ran;
    private int skipped;

    /**
     * The model card's headline level ({@code KeyNumbers.REFERENCE_LEVEL} of the report): the adaptive sweep
     * always runs it when it lies within the levels, so that the card has its headline figure.
     */
    static final int HEADLINE_LEVEL = 10;

    private BenchmarkExecution execution = BenchmarkExecution.LOCAL;
    private Supplier<Optional<TokenCounter>> serverTokens = Optional::empty;
    /** Decided at the first prompt-ingestion benchmark that runs; empty when the server did not say its context. */
    private Optional<GrowingPromptsForContext> growingForContext = Optional.empty();

    private boolean growingForContextDecided;

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

    /**
     * Counts the growing prompts' tokens with the server's tokenize endpoint to cut prompt ingestion to the
     * server's context (see {@link GrowingPromptsForContext}); without it, or when it fails, their lengths are estimated.
     */
    public SuiteRunner countingPromptTokensWith(Supplier<Optional<TokenCounter>> counter) {
        this.serverTokens = counter;
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
        boolean adaptive = SweepMode.parse(settings.sweep()) == SweepMode.ADAPTIVE;
        Set<String> searched = new HashSet<>();
        for (int i = 0; i < plan.size() && !stopped; i++) {
            PlannedBenchmark b = plan.get(i);
            if (adaptive && b.phase() == BenchmarkKind.GENERATION_SPEED) {
                // The pair's planned levels are the grid; the adaptive search replaces them, when the first comes up.
                if (searched.add(b.pairLabel())) {
                    sweepAdaptively(plan, i, pairs);
                }
                continue;
            }
            runPlanned(b, i + 1, plan.size(), pairs, Optional.empty());
        }
        return new SuiteOutcome(
                ran,
                skipped,
                stopped,
                new LinkedHashMap<>(pairs.sweepStops()),
                Optional.ofNullable(serverGone),
                inDoubt);
    }

    /**
     * The adaptive sweep of the pair whose first planned level is {@code plan.get(first)}: asks
     * {@link AdaptiveSweep} for a level, runs it (or reads it back when a resumed run already finished it: the
     * search is deterministic, so it asks for the same levels again), until the search is done or
     * {@link PairDecisions} stops the pair (context too long, saturation, time budget).
     */
    private void sweepAdaptively(List<PlannedBenchmark> plan, int first, PairDecisions pairs)
            throws InterruptedException, IOException {
        PlannedBenchmark b0 = plan.get(first);
        int last = first;
        while (last + 1 < plan.size()
                && plan.get(last + 1).phase() == BenchmarkKind.GENERATION_SPEED
                && plan.get(last + 1).pairLabel().equals(b0.pairLabel())) {
            last++;
        }
        int largest = settings.parallelRequests().stream()
                .mapToInt(Integer::intValue)
                .max()
                .orElse(1);
        AdaptiveSweep search = new AdaptiveSweep(SweepCriteria.of(settings), largest, List.of(HEADLINE_LEVEL));
        List<MeasuredLevel> measured = new ArrayList<>();
        for (int k = 0; !stopped; k++) {
            AdaptiveSweep.Step step = search.next(measured);
            if (step.done()) {
                progress.note("adaptive sweep for " + b0.pairLabel() + " " + step.reason());
                return;
            }
            PlannedBenchmark b = SuitePlan.generationSpeed(
                    settings, b0.inputLength(), b0.outputLength(), step.level().getAsInt());
            Optional<MeasuredLevel> level =
                    runPlanned(b, Math.min(first + k, last) + 1, plan.size(), pairs, Optional.of(step.reason()));
            if (level.isEmpty()) {
                return; // skipped by the pair's rules, or the suite stops
            }
            measured.add(level.get());
        }
    }

    /**
     * Runs one planned benchmark by the pair's rules, or skips it when a resumed run already finished it, and
     * writes its raw result.
     *
     * @param sweepReason why the adaptive sweep chose this level, written in its parameters as
     *                    {@code sweep_reason}
     * @return for a generation-speed level, the level measured now or read back; empty otherwise, when it did not
     *         run, or when the suite stops
     */
    private Optional<MeasuredLevel> runPlanned(
            PlannedBenchmark b, int index, int total, PairDecisions pairs, Optional<String> sweepReason)
            throws InterruptedException, IOException {
        Path file = rawFolder.resolve(b.fileName());
        PairDecisions.Decision decision = pairs.before(b);
        decision.note().ifPresent(progress::note);
        if (!decision.run()) {
            return Optional.empty();
        }
        if (RawResultFiles.isFinished(file)) {
            skipped++;
            progress.note("already done, skipped: " + b.fileName());
            if (b.phase() != BenchmarkKind.GENERATION_SPEED) {
                return Optional.empty();
            }
            RawResultFiles.sweepLevel(file, b.level()).ifPresent(level -> pairs.levelMeasured(b, level));
            return RawResultFiles.read(file).map(result -> measuredLevel(b, result));
        }
        Optional<GrowingPromptsForContext> fit =
                b.phase() == BenchmarkKind.PROMPT_INGESTION ? growingForContext(b) : Optional.empty();
        if (fit.isPresent() && fit.get().fit().none()) {
            return Optional.empty(); // warned once, when decided
        }
        pairs.started(b);
        RawResult result;
        try {
            result = runOne(b, index, total, fit.map(f -> f.fit().kept()));
        } catch (ServerUnavailableException warmUpFailed) {
            // The warm-up (or the prompt fitting before it) failed: nothing was measured, so nothing is
            // written, and the suite ends as if interrupted.
            stopOnServerGone(warmUpFailed.getMessage());
            return Optional.empty();
        }
        if (sweepReason.isPresent()) {
            result = result.withParameter("sweep_reason", sweepReason.get());
        }
        if (fit.isPresent()) {
            result = result.withParameter(
                    GrowingPromptsForContext.PARAMETER, fit.get().fit().leftOut());
        }
        RawResultWriter.write(file, result);
        ran++;
        FailedShare.of(result.general(), settings.maxFailedShare()).warning().ifPresent(w -> {
            inDoubt.put(b.fileName(), w);
            progress.note("in doubt: " + b.fileName() + ": " + w);
        });
        progress.benchmarkEnded(
                b, result.general().totalNumberOfQueries(), result.general().nbErroredQueries(), result.complete());
        if (b.phase() != BenchmarkKind.GENERATION_SPEED) {
            return Optional.empty();
        }
        pairs.levelMeasured(b, SweepLevel.of(b.level(), new RunMetrics(result.general(), result.aggregated())));
        // An interrupted level is kept on disk but decides nothing: the suite is stopping.
        return result.complete() && !stopped ? Optional.of(measuredLevel(b, result)) : Optional.empty();
    }

    /** A raw result as the sweep's criteria see it: every request it kept (the valid ones only with --query-metrics). */
    private static MeasuredLevel measuredLevel(PlannedBenchmark b, RawResult result) {
        List<QueryStats> queries = new ArrayList<>(result.errored());
        result.individual().ifPresent(queries::addAll);
        return new MeasuredLevel(
                b.level(),
                queries,
                new RunMetrics(result.general(), result.aggregated()),
                result.general().actualTotalTime());
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

    /**
     * Which growing prompts fit the server's context, decided once for the run's prompt-ingestion benchmarks
     * (they all ask for the same output), before the first of them sends anything; logged once.
     */
    private Optional<GrowingPromptsForContext> growingForContext(PlannedBenchmark b) {
        if (growingForContextDecided) {
            return growingForContext;
        }
        growingForContextDecided = true;
        java.util.OptionalInt contextTokens = maxModelLen();
        if (contextTokens.isEmpty()) {
            return growingForContext; // as before: every growing prompt is sent
        }
        GrowingPromptsForContext fit = GrowingPromptsForContext.decide(
                dataset(b.spec().promptLength()),
                serverTokens,
                contextTokens.getAsInt(),
                b.spec().outputLength(),
                context.api(),
                why -> progress.note("prompt ingestion: the growing prompts' lengths are estimated, since the server "
                        + "could not count them (" + why + ")"));
        if (fit.fit().none()) {
            LOG.warn(fit.noneFitWarning());
        } else {
            fit.leftOutNote().ifPresent(progress::note);
        }
        growingForContext = Optional.of(fit);
        return growingForContext;
    }

    private List<String> dataset(int promptLength) {
        return datasets.computeIfAbsent(
                promptLength, length -> DatasetLoader.load(SettingsValidator.datasetFolder(settings), length));
    }

    /** @param fitted the prompts to plan from instead of the dataset's (the growing prompts that fit the context) */
    private RawResult runOne(PlannedBenchmark b, int index, int total, Optional<List<String>> fitted)
            throws InterruptedException {
        List<String> dataset = fitted.orElseGet(() -> dataset(b.spec().promptLength()));
        // A fresh prefix per benchmark and per attempt at it (see PromptSeeds): no prompt cache to measure.
        long seed = PromptSeeds.of(settings.seed(), b.fileName(), rawFolder.resolve(b.fileName()));
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

    /**
     * The seed a sharded benchmark publishes to the other shards, which mix in their own number: the first
     * attempt's seed of {@link PromptSeeds} (a sharded run is not resumed, so there is no later attempt).
     */
    public static long promptSeed(long runSeed, String fileName) {
        return PromptSeeds.firstAttempt(runSeed, fileName);
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
