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
 * <p>Time left comes from {@link TimeLeftEstimate}. The request count reads {@code done/target} with a target
 * that does not move (see {@link #requests}); a benchmark bounded by time only shows its count and its
 * duration instead.
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
    private final AtomicInteger sent = new AtomicInteger();
    private final TimeLeftEstimate estimate;
    private volatile PlannedBenchmark current;
    private volatile int index;
    private volatile int target;
    private volatile long benchmarkStart;

    public ConsoleProgress(List<PlannedBenchmark> plan, boolean terminal, PrintStream out) {
        this.plan = plan;
        this.terminal = terminal;
        this.out = out;
        this.estimate = new TimeLeftEstimate(plan);
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-suite-progress");
            t.setDaemon(true);
            return t;
        });
        if (terminal) {
            guardLogHandlers();
        }
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
        sent.set(0);
        synchronized (this) {
            estimate.started(benchmark, (benchmarkStart - suiteStart) / 1e9);
        }
        if (!terminal) {
            LOG.infof("[%d/%d] %s started (%s)", index, total, benchmark.fileName(), describe(benchmark));
        }
    }

    @Override
    public synchronized void benchmarkEnded(PlannedBenchmark benchmark, int queries, int errors, boolean complete) {
        double seconds = (System.nanoTime() - benchmarkStart) / 1e9;
        estimate.ended(benchmark, seconds);
        current = null;
        clearLine();
        LOG.infof(
                "%s %s: %d requests, %d errors, %.1f s",
                benchmark.fileName(), complete ? "done" : "INTERRUPTED", queries, errors, seconds);
    }

    @Override
    public void note(String message) {
        clearLine();
        LOG.info(message);
    }

    @Override
    public void sent(int sentSoFar) {
        sent.accumulateAndGet(sentSoFar, Math::max);
    }

    @Override
    public void finished(RequestRecord record) {
        done.incrementAndGet();
        if (record.outcome() != Outcome.SUCCESS) {
            failed.incrementAndGet();
            return;
        }
        PlannedBenchmark b = current;
        if (b != null) {
            synchronized (this) {
                estimate.answered(b, (record.endNanos() - record.startNanos()) / 1e9);
            }
        }
    }

    private void tick() {
        PlannedBenchmark b = current;
        if (b == null) {
            return;
        }
        double elapsed = (System.nanoTime() - benchmarkStart) / 1e9;
        String line = String.format(
                "%s | %s | %s%s | elapsed %s | suite %s, ~%s left",
                b.phase().label(),
                describe(b),
                requests(b, done.get(), sent.get(), target),
                failed.get() > 0 ? " (" + failed.get() + " failed)" : "",
                TimeLeftEstimate.timeOnly(b) ? elapsed(elapsed, budget(b)) : duration(elapsed),
                duration((System.nanoTime() - suiteStart) / 1e9),
                duration(secondsLeft(elapsed)));
        if (terminal) {
            synchronized (this) {
                if (current == null) {
                    return; // ended or stopping while the line was being composed
                }
                out.print("\r\033[2K" + line);
                out.flush();
            }
        } else {
            LOG.info(line);
        }
    }

    private synchronized double secondsLeft(double elapsed) {
        return estimate.secondsLeft(index - 1, (System.nanoTime() - suiteStart) / 1e9, elapsed);
    }

    /**
     * The request count: {@code done/target} while the target is ahead, then {@code done (target N reached)}
     * once more than the target ended (a level keeps sending while its minimum duration lasts): the
     * denominator never moves. Only {@code done} for a benchmark bounded by time, whose count is not known in
     * advance.
     *
     * @param sent requests sent so far; not shown (it made the denominator jump as requests were sent)
     */
    static String requests(PlannedBenchmark b, int done, int sent, int target) {
        if (TimeLeftEstimate.timeOnly(b)) {
            return done + " requests";
        }
        if (done > target) {
            return done + " requests (target " + target + " reached)";
        }
        return done + "/" + target + " requests";
    }

    /**
     * "8s of 30s", or past the budget "13s (max 8s, finishing requests in flight)": no new request starts after
     * the maximum duration, but those in flight are waited for.
     */
    static String elapsed(double elapsedSeconds, double budgetSeconds) {
        if (Math.round(elapsedSeconds) > Math.round(budgetSeconds)) {
            return duration(elapsedSeconds) + " (max " + duration(budgetSeconds) + ", finishing requests in flight)";
        }
        return duration(elapsedSeconds) + " of " + duration(budgetSeconds);
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
        return s >= 3600
                ? String.format("%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }

    /**
     * The run is stopping: the live line is erased and not drawn again, so that the warning printed next
     * starts on a line of its own instead of being glued to it.
     */
    synchronized void stopping() {
        current = null;
        clearLine();
    }

    /** Erases the live line (on a terminal), so that a message printed next starts on a clean line. */
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
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        for (java.util.logging.Handler h : root.getHandlers()) {
            if (h instanceof LineClearing guard && guard.owner == this) {
                root.removeHandler(guard);
                root.addHandler(guard.delegate);
            }
        }
    }

    /**
     * Every log line, whatever logger and level it comes from (a WARN from the client, the poller...), must
     * start on a clean line, not glued to the end of the live line: the root logger's handlers are wrapped so
     * that the live line is erased, under this object's lock (the ticker draws under it too), just before each
     * record is written. The next tick draws the line again below the message. Undone by {@link #close()}.
     */
    private void guardLogHandlers() {
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        for (java.util.logging.Handler h : root.getHandlers()) {
            if (!(h instanceof LineClearing)) {
                root.removeHandler(h);
                root.addHandler(new LineClearing(this, h));
            }
        }
    }

    /** A log handler that erases the live line before its delegate writes the record. */
    private static final class LineClearing extends java.util.logging.Handler {
        private final ConsoleProgress owner;
        private final java.util.logging.Handler delegate;

        LineClearing(ConsoleProgress owner, java.util.logging.Handler delegate) {
            this.owner = owner;
            this.delegate = delegate;
            setLevel(java.util.logging.Level.ALL);
        }

        @Override
        public void publish(java.util.logging.LogRecord record) {
            if (!delegate.isLoggable(record)) {
                return;
            }
            synchronized (owner) {
                owner.clearLine();
                delegate.publish(record);
            }
        }

        @Override
        public void flush() {
            delegate.flush();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
