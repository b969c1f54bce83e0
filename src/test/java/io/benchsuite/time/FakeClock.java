package io.benchsuite.time;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.Future;

/**
 * A {@link Ticker} for tests: time starts where the test says and moves only when it is told to
 * ({@link #advance}) or when the code under test waits, and then exactly as far as the wait asks. Actions
 * scheduled at a time ({@link #at}, {@link #after}) run on the waiting thread when time reaches them, in
 * time order (ties in the order they were scheduled): a server answering after 20 ms is an action 20 ms on.
 *
 * <p>A wait for a future that no scheduled action will complete fails at once with
 * {@link IllegalStateException} instead of hanging the test. Thread-safe, so that a poller thread may wait
 * on it while the test thread reads it.
 */
public final class FakeClock implements Ticker {

    private record Event(long atNanos, long order, Runnable action) {}

    private final PriorityQueue<Event> events = new PriorityQueue<>((a, b) ->
            a.atNanos() != b.atNanos() ? Long.compare(a.atNanos(), b.atNanos()) : Long.compare(a.order(), b.order()));
    private final List<Long> sleeps = Collections.synchronizedList(new ArrayList<>());
    private long now;
    private long scheduled;

    /** @param startNanos the first value of {@link #nanoTime()} */
    public FakeClock(long startNanos) {
        this.now = startNanos;
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    /** Runs {@code action} when time reaches {@code atNanos} (at the next wait or advance if already there). */
    public synchronized void at(long atNanos, Runnable action) {
        events.add(new Event(atNanos, scheduled++, action));
    }

    /** Runs {@code action} {@code delayNanos} from now. */
    public synchronized void after(long delayNanos, Runnable action) {
        at(now + delayNanos, action);
    }

    /** Moves time {@code nanos} on, running the actions due on the way. */
    public void advance(long nanos) {
        runUntil(nanoTime() + nanos);
    }

    /** The length of every wait through {@link #sleepUntil} that had to wait, in nanoseconds, in call order. */
    public List<Long> sleeps() {
        return List.copyOf(sleeps);
    }

    @Override
    public void sleepUntil(long deadlineNanos) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long wait = deadlineNanos - nanoTime();
        if (wait > 0) {
            sleeps.add(wait);
            runUntil(deadlineNanos);
        }
    }

    @Override
    public void awaitDone(Future<?> future) throws InterruptedException {
        while (!future.isDone()) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            Event next;
            synchronized (this) {
                next = events.poll();
                if (next == null) {
                    throw new IllegalStateException("waiting for a future that nothing scheduled will complete");
                }
                now = Math.max(now, next.atNanos());
            }
            next.action().run();
        }
    }

    /** Runs the due actions one by one (each may schedule more), then sets the time to {@code deadline}. */
    private void runUntil(long deadlineNanos) {
        while (true) {
            Event next;
            synchronized (this) {
                if (events.isEmpty() || events.peek().atNanos() > deadlineNanos) {
                    now = Math.max(now, deadlineNanos);
                    return;
                }
                next = events.poll();
                now = Math.max(now, next.atNanos());
            }
            next.action().run();
        }
    }
}
