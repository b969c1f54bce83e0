package io.benchsuite.suite;

import io.benchsuite.record.Outcome;
import io.benchsuite.record.RequestRecord;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Progress on stderr. On a terminal: one line redrawn twice a second (phase, pair, level, requests done over
 * target, elapsed, estimated time left). Elsewhere (a Kubernetes log): one plain line per benchmark and one
 * a minute, since a redrawn line would only fill the log with carriage returns.
 *
 * <p>Time left is estimated from the remaining benchmarks' duration budgets, scaled by the share of its budget
 * each finished benchmark actually used (most stop on their target count well before their maximum).
 */
public final class ConsoleProgress implements SuiteProgress, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ConsoleProgress.class);

    private final List<PlannedBenchmark> plan;
    private final boolean terminal;
    private final PrintStream out;
    private final ScheduledExecutorService ticker;
    private final long suiteStart = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile PlannedBenchmark current;
    private volatile int index;
    private volatile int target;
    private volatile long benchmarkStart;
    private double usedSeconds;
    private double usedBudget;

    public ConsoleProgress(List<PlannedBenchmark> plan, boolean terminal, PrintStream out) {
        this.plan = plan;
        this.terminal = terminal;
        this.out = out;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-suite-progress");
            t.setDaemon(true);
            return t;
        });
        long periodMs = terminal ? 500 : 60_000;
        ticker.scheduleAtFixedRate(this::tick, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void benchmarkStarted(PlannedBenchmark benchmark, int index, int total, int targetQueries) {
        this.current = benchmark;
        this.index = index;
        this.target = targetQueries;
        this.benchmarkStart = System.nanoTime();
        done.set(0);
        failed.set(0);
        if (!terminal) {
            LOG.infof("[%d/%d] %s started (%s)", index, total, benchmark.fileName(), describe(benchmark));
        }
    }

    @Override
    public synchronized void benchmarkEnded(PlannedBenchmark benchmark, int queries, int errors, boolean complete) {
        double seconds = (System.nanoTime() - benchmarkStart) / 1e9;
        usedSeconds += seconds;
        usedBudget += budget(benchmark);
        current = null;
        clearLine();
        LOG.infof("%s %s: %d requests, %d errors, %.1f s", benchmark.fileName(), complete ? "done" : "INTERRUPTED",
                queries, errors, seconds);
    }

    @Override
    public void note(String message) {
        clearLine();
        LOG.info(message);
    }

    @Override
    public void sent(int sentSoFar) {
    }

    @Override
    public void finished(RequestRecord record) {
        done.incrementAndGet();
        if (record.outcome() != Outcome.SUCCESS) {
            failed.incrementAndGet();
        }
    }

    private void tick() {
        PlannedBenchmark b = current;
        if (b == null) {
            return;
        }
        String line = String.format("%s | %s | %d/%d requests%s | elapsed %s | suite %s, ~%s left",
                b.phase().label(), describe(b), done.get(), target, failed.get() > 0 ? " (" + failed.get() + " failed)" : "",
                duration((System.nanoTime() - benchmarkStart) / 1e9), duration((System.nanoTime() - suiteStart) / 1e9),
                duration(secondsLeft()));
        if (terminal) {
            synchronized (this) {
                out.print("\r\033[2K" + line);
                out.flush();
            }
        } else {
            LOG.info(line);
        }
    }

    private synchronized double secondsLeft() {
        double ratio = usedBudget > 0 ? Math.min(1, usedSeconds / usedBudget) : 1;
        double left = 0;
        for (int i = Math.max(0, index - 1); i < plan.size(); i++) {
            left += budget(plan.get(i)) * ratio;
        }
        return Math.max(0, left - (System.nanoTime() - benchmarkStart) / 1e9);
    }

    private static double budget(PlannedBenchmark b) {
        return b.spec().stopRule().maxDurationSeconds();
    }

    private static String describe(PlannedBenchmark b) {
        return switch (b.phase()) {
            case PROMPT_INGESTION -> "run " + b.fileName().replaceAll("\\D", "");
            case KV_CACHE_PROFILE -> b.pairLabel();
            case GENERATION_SPEED -> b.pairLabel() + ", " + b.level() + " parallel";
        };
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }

    private void clearLine() {
        if (terminal) {
            synchronized (this) {
                out.print("\r\033[2K");
                out.flush();
            }
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        clearLine();
    }
}
