package io.benchsuite.time;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

/**
 * The one clock seam of the scheduler, the metrics poller and the suite: monotonic nanoseconds, and every
 * wait measured against them. {@link #SYSTEM} in production; tests use a fake whose time moves only while
 * someone waits on it, so that schedules are checked to the nanosecond and without sleeping. (The simulator
 * keeps its own {@code EngineClock}, so that it stands on its own.)
 */
public interface Ticker {

    /** Monotonic nanoseconds, {@link System#nanoTime()} in production: compare values by difference only. */
    long nanoTime();

    /**
     * Waits until {@code nanoTime() >= deadlineNanos}; returns at once when the deadline has passed.
     *
     * @throws InterruptedException when the waiting thread is interrupted, which ends the wait early
     */
    void sleepUntil(long deadlineNanos) throws InterruptedException;

    /**
     * Waits until {@code future} is done, however it ended (value, exception or cancellation); the caller
     * then reads it. Waiting through the ticker is what lets a fake one move time on while the caller waits
     * for answers that arrive later in that time.
     *
     * @throws InterruptedException when the waiting thread is interrupted, which ends the wait early
     */
    void awaitDone(Future<?> future) throws InterruptedException;

    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepUntil(long deadlineNanos) throws InterruptedException {
            long left;
            while ((left = deadlineNanos - System.nanoTime()) > 0) {
                LockSupport.parkNanos(left);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }

        @Override
        public void awaitDone(Future<?> future) throws InterruptedException {
            try {
                future.get();
            } catch (ExecutionException | CancellationException e) {
                // Done all the same: the caller reads how it ended.
            }
        }
    };
}
