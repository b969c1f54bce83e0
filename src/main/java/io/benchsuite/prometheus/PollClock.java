package io.benchsuite.prometheus;

import java.util.concurrent.TimeUnit;

/** The poller's notion of time, a seam so its schedule can be tested without sleeping. */
public interface PollClock {

    /** Monotonic nanoseconds, {@link System#nanoTime()} in production. */
    long nanoTime();

    void sleepNanos(long nanos) throws InterruptedException;

    PollClock SYSTEM = new PollClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    };
}
