package io.benchsuite.time;

import java.util.concurrent.locks.LockSupport;

/** The clock seam of the schedules: real time in production, a controllable one in tests. */
public interface Ticker {

    long nanoTime();

    /** Waits until {@code nanoTime() >= deadline}, or returns early when interrupted. */
    void sleepUntil(long deadlineNanos) throws InterruptedException;

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
    };
}
