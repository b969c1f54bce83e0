package io.benchsuite.health;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches the client while a benchmark runs: a probe every {@value #PROBE_MS} ms on each event loop that holds
 * connections and so reads streams (every {@value #IDLE_PROBE_MS} ms on one that holds none: how late it ran),
 * the JVM's garbage-collection pauses, the machine's CPU load and this process's
 * CPU time. {@link #stop()} hands over what it saw; {@link ClientHealthJudge} turns that into the verdict.
 *
 * <p>GC pauses come from the JVM's GC notifications, which carry each pause's start and length. Where they are
 * not offered (a native image may not), the collectors' counts and times are polled every 100 ms instead, and
 * a pause is placed just before the poll that saw it, which is exact to within the poll period.
 */
public final class ClientHealthMonitor implements AutoCloseable {

    /**
     * The probe's period on an event loop that holds connections. 2 ms, not 1: a stall of L ms still shows as
     * a lag of at least L - 2 ms, enough to tell the stalls over {@link ClientHealthJudge#STALL_MS} ms that
     * matter, and at one stream the 1 ms probe was a tenth of the client's CPU (docs/fidelity.md).
     */
    static final long PROBE_MS = 2;
    /**
     * The probe's period on an event loop that holds no channel: such a loop reads no stream, so its lateness
     * delays no timestamp, and waking it every millisecond (the period then) only cost CPU (4 loops on 2 cores: about 4,000
     * wake-ups a second at one stream; docs/fidelity.md). It is still watched, less often, so a starved
     * machine shows there too.
     */
    static final long IDLE_PROBE_MS = 10;
    /**
     * Set to false (system property {@code bench-suite.lag-probe=false}) only to measure what the probe itself
     * costs (docs/fidelity.md); the event-loop lag figures are then 0 and only GC pauses are seen.
     */
    static final boolean PROBE_ON = !"false".equals(System.getProperty("bench-suite.lag-probe"));

    private static final long SAMPLE_MS = 100;

    private final List<LoopProbe> probes = new ArrayList<>();
    private final List<Stall> gcStalls = new ArrayList<>();
    private final List<Registration> gcListeners = new ArrayList<>();
    private final ScheduledExecutorService sampler;
    private final com.sun.management.OperatingSystemMXBean os;
    private final long cpuStartNanos;
    private final long[] polledCounts;
    private final long[] polledTimes;
    private int gcCount;
    private double gcTotalMs;
    private double gcMaxMs;
    private double cpuLoadMax = -1;
    private volatile boolean stopped;

    private ClientHealthMonitor(Iterable<EventExecutor> eventLoops) {
        java.lang.management.OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
        os = bean instanceof com.sun.management.OperatingSystemMXBean sun ? sun : null;
        cpuStartNanos = os == null ? -1 : os.getProcessCpuTime();
        List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        polledCounts = new long[collectors.size()];
        polledTimes = new long[collectors.size()];
        boolean notified = listenToGc(collectors);
        if (!notified) {
            for (int i = 0; i < collectors.size(); i++) {
                polledCounts[i] = collectors.get(i).getCollectionCount();
                polledTimes[i] = collectors.get(i).getCollectionTime();
            }
        }
        for (EventExecutor loop : PROBE_ON ? eventLoops : List.<EventExecutor>of()) {
            LoopProbe probe = new LoopProbe(loop);
            probes.add(probe);
            probe.schedule();
        }
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-suite-health");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(
                () -> sample(notified ? List.of() : collectors), SAMPLE_MS, SAMPLE_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts watching now.
     *
     * @param eventLoops the event loops that read the streams (a Vert.x instance's
     *                   {@code nettyEventLoopGroup()}); each gets a probe every {@value #PROBE_MS} ms while it holds
     *                   connections
     */
    public static ClientHealthMonitor start(Iterable<EventExecutor> eventLoops) {
        return new ClientHealthMonitor(eventLoops);
    }

    /** Stops watching and returns what was seen since {@link #start}; later calls return the same. */
    public synchronized ClientHealthJudge.Observations stop() {
        if (!stopped) {
            stopped = true;
            probes.forEach(LoopProbe::cancel);
            sampler.shutdownNow();
            for (Registration r : gcListeners) {
                try {
                    r.emitter.removeNotificationListener(r.listener);
                } catch (Exception ignored) {
                    // already gone: nothing to undo
                }
            }
        }
        LagHistogram lags = new LagHistogram();
        List<Stall> stalls = new ArrayList<>(gcStalls);
        for (LoopProbe probe : probes) {
            synchronized (probe) {
                lags.addAll(probe.lags);
                stalls.addAll(probe.stalls);
            }
        }
        double cpuSeconds = os == null || cpuStartNanos < 0 ? -1 : (os.getProcessCpuTime() - cpuStartNanos) / 1e9;
        return new ClientHealthJudge.Observations(
                stalls, gcCount, gcTotalMs, gcMaxMs, lags.quantileMs(0.99), lags.maxMs(), cpuLoadMax, cpuSeconds);
    }

    @Override
    public void close() {
        stop();
    }

    private boolean listenToGc(List<GarbageCollectorMXBean> collectors) {
        try {
            for (GarbageCollectorMXBean collector : collectors) {
                if (!(collector instanceof NotificationEmitter emitter)) {
                    return false;
                }
                NotificationListener listener = this::onGcNotification;
                emitter.addNotificationListener(listener, null, null);
                gcListeners.add(new Registration(emitter, listener));
            }
            return !collectors.isEmpty();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private void onGcNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        // Concurrent cycles (G1's, ZGC's and Shenandoah's "Cycles" beans) run beside the application threads.
        String name = info.getGcName() + " " + info.getGcAction();
        if (name.contains("Concurrent") || name.contains("concurrent") || name.contains("Cycles")) {
            return;
        }
        long nowNanos = System.nanoTime();
        long uptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
        long endNanos = nowNanos - Math.max(0, uptimeMs - info.getGcInfo().getEndTime()) * 1_000_000L;
        long durationMs = info.getGcInfo().getDuration();
        addPause(endNanos - durationMs * 1_000_000L, endNanos, durationMs);
    }

    private synchronized void addPause(long startNanos, long endNanos, double durationMs) {
        if (stopped) {
            return;
        }
        gcCount++;
        gcTotalMs += durationMs;
        gcMaxMs = Math.max(gcMaxMs, durationMs);
        gcStalls.add(new Stall(startNanos, endNanos, Stall.Cause.GC_PAUSE));
    }

    private void sample(List<GarbageCollectorMXBean> polled) {
        if (os != null) {
            double load = os.getCpuLoad();
            if (load >= 0) {
                synchronized (this) {
                    cpuLoadMax = Math.max(cpuLoadMax, load);
                }
            }
        }
        long now = System.nanoTime();
        for (int i = 0; i < polled.size(); i++) {
            long count = polled.get(i).getCollectionCount();
            long time = polled.get(i).getCollectionTime();
            if (count > polledCounts[i]) {
                long ms = Math.max(0, time - polledTimes[i]);
                addPause(now - ms * 1_000_000L, now, ms);
                polledCounts[i] = count;
                polledTimes[i] = time;
            }
        }
    }

    /** True unless the loop says it has no registered channel (a loop that cannot tell counts as busy). */
    static boolean holdsChannels(EventExecutor loop) {
        return !(loop instanceof io.netty.channel.SingleThreadEventLoop single) || single.registeredChannels() != 0;
    }

    private record Registration(NotificationEmitter emitter, NotificationListener listener) {}

    /**
     * The probe of one event loop: it asks to run again {@value #PROBE_MS} ms after each run, on that loop, and
     * records how late it ran. A late run means the loop was busy or the thread was not scheduled, and a stream
     * byte arriving then would have been stamped late by as much.
     */
    private final class LoopProbe implements Runnable {

        private final EventExecutor loop;
        private final LagHistogram lags = new LagHistogram();
        private final List<Stall> stalls = new ArrayList<>();
        private long dueNanos;
        private ScheduledFuture<?> next;

        LoopProbe(EventExecutor loop) {
            this.loop = loop;
        }

        synchronized void schedule() {
            if (stopped) {
                return;
            }
            long periodMs = holdsChannels(loop) ? PROBE_MS : IDLE_PROBE_MS;
            dueNanos = System.nanoTime() + periodMs * 1_000_000L;
            next = loop.schedule(this, periodMs, TimeUnit.MILLISECONDS);
        }

        @Override
        public void run() {
            long now = System.nanoTime();
            synchronized (this) {
                if (stopped) {
                    return;
                }
                double lateMs = (now - dueNanos) / 1e6;
                lags.add(lateMs);
                if (lateMs > ClientHealthJudge.STALL_MS) {
                    stalls.add(new Stall(dueNanos, now, Stall.Cause.EVENT_LOOP_LAG));
                }
            }
            schedule();
        }

        synchronized void cancel() {
            if (next != null) {
                next.cancel(false);
            }
        }
    }
}
