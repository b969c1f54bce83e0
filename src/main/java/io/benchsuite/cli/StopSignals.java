package io.benchsuite.cli;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * Blocks a long-running command until SIGINT or SIGTERM. The JVM's default reaction to those signals ends
 * the process with status 130 or 143; a server that was asked to stop has done nothing wrong, so the signal
 * is taken here instead and the command returns normally (status 0) after closing what it opened.
 */
final class StopSignals {

    private StopSignals() {}

    /** @return the name of the signal that arrived */
    static String await() throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        String[] received = new String[1];
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(name), signal -> {
                received[0] = signal.getName();
                stop.countDown();
            });
        }
        stop.await();
        return received[0];
    }

    /**
     * Runs {@code stop} on the first SIGINT or SIGTERM instead of ending the JVM, so that a benchmark can be
     * cut short and still write what it measured (Kubernetes sends SIGTERM, then SIGKILL after a grace
     * period). A second signal ends the process at once, for a user who does not want to wait.
     */
    static void onStop(Runnable stop) {
        java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(name), signal -> {
                if (first.getAndSet(false)) {
                    new Thread(stop, "bench-suite-stop").start();
                } else {
                    Runtime.getRuntime().halt(128 + signal.getNumber());
                }
            });
        }
    }
}
