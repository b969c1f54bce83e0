package io.benchsuite.shard;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Signs of life through the shared folder: each shard advances a counter in its {@code alive-I} file every
 * second; another shard sees it alive while the counter changes. Counters, not timestamps, so that clocks
 * that disagree between machines do not matter: the watcher measures with its own clock how long since a
 * counter last changed.
 */
public final class Heartbeat implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Heartbeat.class);
    static final long PERIOD_MILLIS = 1000;

    private final ScheduledExecutorService timer;

    private Heartbeat(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Starts beating for {@code shard} now, on a daemon thread, until closed. */
    public static Heartbeat start(ShardFolder folder, int shard) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shard-heartbeat");
            t.setDaemon(true);
            return t;
        });
        AtomicLong beats = new AtomicLong();
        Path file = folder.aliveFile(shard);
        timer.scheduleAtFixedRate(
                () -> {
                    try {
                        folder.writeText(file, Long.toString(beats.incrementAndGet()));
                    } catch (IOException | RuntimeException e) {
                        LOG.debugf("could not write %s: %s", file, e);
                    }
                },
                0,
                PERIOD_MILLIS,
                TimeUnit.MILLISECONDS);
        return new Heartbeat(timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** Watches other shards' counters; one watcher per waiting shard, used from one thread. */
    public static final class Watch {

        private final ShardFolder folder;
        private final long timeoutNanos;
        private final Map<Integer, String> lastSeen = new HashMap<>();
        private final Map<Integer, Long> lastChange = new HashMap<>();

        /** @param timeoutSeconds how long a counter may stand still before its shard counts as gone */
        public Watch(ShardFolder folder, double timeoutSeconds) {
            this.folder = folder;
            this.timeoutNanos = (long) (timeoutSeconds * 1e9);
        }

        /** True while shard {@code shard}'s counter changed within the timeout (counted from the first look). */
        public boolean alive(int shard) {
            long now = System.nanoTime();
            Optional<String> beat = folder.readText(folder.aliveFile(shard));
            String value = beat.orElse("");
            if (!lastChange.containsKey(shard) || !value.equals(lastSeen.get(shard))) {
                lastSeen.put(shard, value);
                lastChange.put(shard, now);
                return true;
            }
            return now - lastChange.get(shard) < timeoutNanos;
        }
    }
}
