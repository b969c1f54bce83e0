package io.benchsuite.schedule;

import io.benchsuite.record.CompletionRequest;
import io.benchsuite.record.RequestRecord;
import io.benchsuite.time.Ticker;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Sends the prompts of one benchmark according to a {@link QueryProfile} and a {@link StopRule}, and
 * collects one record per request sent. Runs on the caller's thread; requests complete on the client's
 * threads. Every request carries its intended send time, so time lost in the client shows as queue delay
 * instead of hiding inside the latency.
 */
public final class Dispatcher {

    /** Pause before each burst of the growing profile, as the original tool did, so the server settles. */
    public static final double DEFAULT_BURST_PAUSE_SECONDS = 0.5;

    private final Sender sender;
    private final Ticker ticker;
    private final Progress progress;
    private final int outputTokens;
    private final ConcurrentLinkedQueue<RequestRecord> records = new ConcurrentLinkedQueue<>();
    private final List<CompletableFuture<RequestRecord>> pending = new ArrayList<>();
    private volatile boolean stopRequested;
    private BooleanSupplier knownWellEnough = () -> false;
    private long startNanos;
    private int sent;

    public Dispatcher(Sender sender, Ticker ticker, Progress progress, int outputTokens) {
        this.sender = sender;
        this.ticker = ticker;
        this.progress = progress;
        this.outputTokens = outputTokens;
    }

    /** Asks the running schedule to send nothing more; requests in flight still end (or are cancelled). */
    public void requestStop() {
        stopRequested = true;
    }

    /**
     * Ends the schedule early, as its {@link StopRule} would, once {@code knownWellEnough} says yes (the adaptive
     * sweep's {@link PrecisionStop}); asked before each request is sent, on the caller's thread.
     */
    public void stopOnceKnownWellEnough(BooleanSupplier knownWellEnough) {
        this.knownWellEnough = knownWellEnough;
    }

    /** Keeps exactly {@code concurrency} requests in flight until the rule or the prompts say stop. */
    public List<RequestRecord> constantConcurrency(List<String> prompts, int concurrency, StopRule rule)
            throws InterruptedException {
        start();
        Semaphore slots = new Semaphore(concurrency);
        AtomicReference<CompletableFuture<Void>> slotFreed = new AtomicReference<>();
        for (int i = 0; i < prompts.size(); i++) {
            acquire(slots, slotFreed);
            if (!mayContinue(rule)) {
                break;
            }
            send(i, prompts.get(i), ticker.nanoTime()).whenComplete((r, e) -> {
                slots.release();
                CompletableFuture<Void> waiting = slotFreed.getAndSet(null);
                if (waiting != null) {
                    waiting.complete(null);
                }
            });
        }
        return drain();
    }

    /**
     * Takes a slot, waiting through the ticker (so that a fake one can move time on) for a request to end.
     * The signal is published before the second try and taken after the release, so no release is missed.
     */
    private void acquire(Semaphore slots, AtomicReference<CompletableFuture<Void>> slotFreed)
            throws InterruptedException {
        while (!slots.tryAcquire()) {
            CompletableFuture<Void> signal = new CompletableFuture<>();
            slotFreed.set(signal);
            if (slots.tryAcquire()) {
                return;
            }
            ticker.awaitDone(signal);
        }
    }

    /**
     * Bursts of 1, 2, 3... simultaneous requests; each burst is sent at once after a pause and the next one
     * waits until all are done. A burst is sent only whole: it stops when the prompts left cannot fill it.
     */
    public List<RequestRecord> growingBursts(List<String> prompts, StopRule rule, double pauseSeconds)
            throws InterruptedException {
        start();
        int next = 0;
        for (int burst = 1; next + burst <= prompts.size() && mayContinue(rule); burst++) {
            ticker.sleepUntil(ticker.nanoTime() + (long) (pauseSeconds * 1e9));
            if (stopRequested) {
                break;
            }
            List<CompletableFuture<RequestRecord>> wave = new ArrayList<>(burst);
            long intended = ticker.nanoTime();
            for (int k = 0; k < burst; k++, next++) {
                wave.add(send(next, prompts.get(next), intended));
            }
            waitFor(wave);
        }
        return drain();
    }

    /**
     * Poisson arrivals at {@code ratePerSecond} (exponential gaps from a seeded generator), or every prompt
     * at once when the rate is infinite. Arrivals do not wait for answers (open loop).
     */
    public List<RequestRecord> poissonArrivals(List<String> prompts, double ratePerSecond, long seed, StopRule rule)
            throws InterruptedException {
        double[] offsets = PoissonOffsets.of(prompts.size(), ratePerSecond, new SplittableRandom(seed));
        start();
        for (int i = 0; i < prompts.size(); i++) {
            long intended = startNanos + (long) (offsets[i] * 1e9);
            ticker.sleepUntil(intended);
            if (!mayContinue(rule)) {
                break;
            }
            send(i, prompts.get(i), intended);
        }
        return drain();
    }

    private void start() {
        startNanos = ticker.nanoTime();
        sent = 0;
        records.clear();
        pending.clear();
    }

    private boolean mayContinue(StopRule rule) {
        double elapsed = (ticker.nanoTime() - startNanos) / 1e9;
        return !stopRequested && rule.mayContinue(elapsed, sent) && !knownWellEnough.getAsBoolean();
    }

    private CompletableFuture<RequestRecord> send(int id, String prompt, long intendedNanos) {
        CompletableFuture<RequestRecord> future =
                sender.send(new CompletionRequest(id, prompt, outputTokens, intendedNanos));
        sent++;
        progress.sent(sent);
        CompletableFuture<RequestRecord> recorded = future.thenApply(r -> {
            records.add(r);
            progress.finished(r);
            return r;
        });
        pending.add(recorded);
        return recorded;
    }

    private void waitFor(List<CompletableFuture<RequestRecord>> futures) throws InterruptedException {
        for (CompletableFuture<RequestRecord> f : futures) {
            ticker.awaitDone(f);
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a sender broke its contract and failed a request", e.getCause());
            }
        }
    }

    private List<RequestRecord> drain() throws InterruptedException {
        waitFor(pending);
        return List.copyOf(records);
    }
}
