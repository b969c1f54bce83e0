package io.benchsuite.load;

import java.io.File;

/**
 * The most file descriptors this process held at once, from counting the entries of {@code /proc/self/fd} on
 * a thread of its own every 50 ms (a listing costs about a millisecond at a few thousand entries, so sampling
 * faster would be measured too). Sockets open and close in bursts, so the true peak can fall between two
 * samples; with streams kept open for seconds it does not. Reads -1 where {@code /proc} does not exist.
 */
final class OpenFdSampler implements AutoCloseable {

    private static final File FDS = new File("/proc/self/fd");
    private static final long SAMPLE_MILLIS = 50;

    private final Thread thread;
    private volatile boolean running = true;
    private volatile int peak;

    private OpenFdSampler() {
        peak = count();
        thread = new Thread(this::sample, "load-fd-sampler");
        thread.setDaemon(true);
    }

    static OpenFdSampler start() {
        OpenFdSampler sampler = new OpenFdSampler();
        sampler.thread.start();
        return sampler;
    }

    /** Open descriptors now; -1 when {@code /proc/self/fd} cannot be listed. */
    static int count() {
        String[] entries = FDS.list();
        return entries == null ? -1 : entries.length;
    }

    private void sample() {
        while (running) {
            peak = Math.max(peak, count());
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    int peak() {
        return peak;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
        peak = Math.max(peak, count());
    }
}
