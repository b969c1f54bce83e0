package io.benchsuite.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import sun.misc.Signal;

/**
 * Blocks a long-running command until SIGINT or SIGTERM. The JVM's default reaction to those signals ends
 * the process with status 130 or 143; a server that was asked to stop has done nothing wrong, so the signal
 * is taken here instead and the command returns normally (status 0) after closing what it opened.
 */
final class StopSignals {

    private static final Logger LOG = Logger.getLogger(StopSignals.class);

    /**
     * Signals closer than this to the first one are the same request delivered twice, not a user insisting:
     * {@code timeout} sends its signal to the child and then to its whole process group, and a terminal's
     * Ctrl-C reaches every process of the foreground group, so one request often arrives twice within
     * microseconds to a few milliseconds. Two seconds also stay below any human's second key press meant as
     * "quit now" after having read the stopping message.
     */
    static final long REPEAT_GRACE_NANOS = 2_000_000_000L;

    /** What to do with a SIGINT or SIGTERM. */
    enum Reaction {
        /** the first signal: stop the run cleanly (report, resume line) */
        STOP,
        /** a repeat of the first request, or a SIGTERM while stopping: keep stopping cleanly */
        IGNORE,
        /** a SIGINT well after the first: the user at a terminal wants out now, without the report */
        HALT
    }

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
     * Decides what a signal does, given when the first one came (pure, for tests).
     *
     * @param signal           "INT" or "TERM"
     * @param firstAtNanos     monotonic time of the first signal, or {@link Long#MIN_VALUE} when this is the first
     * @param nowNanos         monotonic time of this signal
     * @return STOP for the first signal; HALT only for a SIGINT at least {@link #REPEAT_GRACE_NANOS} after the
     *     first; IGNORE otherwise. A SIGTERM never halts: orchestrators (Kubernetes, docker stop, timeout) send
     *     it, possibly more than once, and then SIGKILL after their grace period, so halting on a second SIGTERM
     *     would only lose the report that the grace period is there for.
     */
    static Reaction react(String signal, long firstAtNanos, long nowNanos) {
        if (firstAtNanos == Long.MIN_VALUE) {
            return Reaction.STOP;
        }
        if (signal.equals("INT") && nowNanos - firstAtNanos >= REPEAT_GRACE_NANOS) {
            return Reaction.HALT;
        }
        return Reaction.IGNORE;
    }

    /**
     * Runs {@code stop} on the first SIGINT or SIGTERM instead of ending the JVM, so that a benchmark can be
     * cut short and still write what it measured (Kubernetes sends SIGTERM, then SIGKILL after a grace
     * period). Later signals are ignored, except a SIGINT pressed again after {@link #REPEAT_GRACE_NANOS},
     * which ends the process at once for a user who does not want to wait (see {@link #react}).
     */
    static void onStop(Runnable stop) {
        AtomicLong firstAt = new AtomicLong(Long.MIN_VALUE);
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(name), signal -> {
                long now = System.nanoTime();
                long first = firstAt.compareAndExchange(Long.MIN_VALUE, now);
                switch (react(signal.getName(), first, now)) {
                    case STOP -> new Thread(stop, "bench-suite-stop").start();
                    case HALT -> Runtime.getRuntime().halt(128 + signal.getNumber());
                    case IGNORE -> LOG.debugf("SIG%s ignored: already stopping", signal.getName());
                }
            });
        }
    }

    /**
     * Takes SIGINT and SIGTERM from now on, before the action that stops the run exists: a signal that comes
     * while the command is still starting (settings, simulator, server detection) is kept and the action runs
     * as soon as it is given, instead of the JVM's default exit 130/143 without a report or a resume line.
     *
     * @return a consumer to hand the stop action to, once; it runs the action at once if a signal came before
     */
    static java.util.function.Consumer<Runnable> early() {
        AtomicReference<Runnable> action = new AtomicReference<>();
        Runnable requested = () -> {};
        AtomicReference<Runnable> pending = new AtomicReference<>();
        onStop(() -> {
            Runnable now = action.get();
            if (now != null) {
                now.run();
            } else {
                pending.set(requested);
                // The action may have been set between the two reads: run it then.
                Runnable late = action.get();
                if (late != null && pending.compareAndSet(requested, null)) {
                    late.run();
                }
            }
        });
        return stop -> {
            action.set(stop);
            if (pending.compareAndSet(requested, null)) {
                stop.run();
            }
        };
    }
}
