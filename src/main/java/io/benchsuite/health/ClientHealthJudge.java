package io.benchsuite.health;

import io.benchsuite.record.RequestRecord;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Pure: from what the {@link ClientHealthMonitor} saw and the benchmark's requests, how many requests a client
 * stall may have inflated, and the verdict.
 *
 * <p>A stall delays only the bytes that arrive while it lasts: they wait until it ends and are stamped then. So
 * a timestamp is <em>in doubt</em> only when the bytes it stamps may have waited for the client longer than
 * {@link #STALL_MS} ms: it was taken during a stall window or right at its end (within {@link #END_GRACE_MS}
 * ms after it, the time for the resumed thread to reach the waiting bytes), and more than {@link #STALL_MS} ms
 * after the window began. A stall window is a GC pause from its start to its end, or, for an event-loop lag,
 * the span from when the probe was due to when it ran. A token read 2 ms into a stall waited at most 2 ms; a
 * gap that spans a stall but whose token arrived after the stall was not widened by it (the token was read
 * when it came); a token read when an 8 ms stall ended may have waited 8 ms.
 *
 * <p>A request is affected when its first token's arrival, any later token's arrival, or its end (what its
 * end-to-end latency is measured to; for a request without tokens, the only stamp it has) is in doubt. Every
 * event loop counts as one: a record does not say which loop read its stream, and with the Vert.x client the
 * loop that reads a connection's bytes and the one that runs the request's handlers (where the stamp is
 * taken) need not be the same, so a lag on either may delay the stamp; a GC pause stops them all anyway.
 * Only stalls longer than {@link #STALL_MS} count: shorter ones are within the scheduling noise of a shared
 * machine, and the timings are reported to the millisecond.
 */
public final class ClientHealthJudge {

    /** A GC pause or an event-loop lag longer than this many milliseconds is a stall. */
    public static final double STALL_MS = 5.0;
    /** More than this fraction of affected requests makes the benchmark {@code degraded}. */
    public static final double DEGRADED_FRACTION = 0.01;
    /**
     * A stamp taken up to this many milliseconds after a stall window ended still counts as taken at its end:
     * the resumed event loop first finishes the task batch the probe ran in, then reads the bytes that waited;
     * and a GC pause's end is known to the millisecond only.
     */
    public static final double END_GRACE_MS = 1.0;

    private ClientHealthJudge() {}

    /**
     * @param observed what the monitor saw during the benchmark
     * @param records  the benchmark's requests
     * @return the self-check, with {@code requests_affected}, the verdict and its reason
     */
    public static ClientHealth judge(Observations observed, List<RequestRecord> records) {
        List<Stall> stalls = observed.stalls().stream()
                .filter(s -> s.millis() > STALL_MS)
                .sorted(Comparator.comparingLong(Stall::startNanos))
                .toList();
        DoubtWindows doubt = DoubtWindows.of(stalls);
        int affected = 0;
        for (RequestRecord record : records) {
            if (doubt.anyInDoubt(record)) {
                affected++;
            }
        }
        boolean degraded = !records.isEmpty() && affected > DEGRADED_FRACTION * records.size();
        String reason = degraded ? reason(affected, records.size(), observed, stalls) : "";
        return new ClientHealth(
                observed.gcPauseCount(),
                round(observed.gcPauseTotalMs()),
                round(observed.gcPauseMaxMs()),
                round(observed.lagP99Ms()),
                round(observed.lagMaxMs()),
                round(observed.cpuLoadMax()),
                round(observed.clientCpuSeconds()),
                affected,
                records.size(),
                degraded ? ClientHealth.DEGRADED : ClientHealth.OK,
                reason);
    }

    /**
     * True when a timestamp taken at {@code stampNanos} may stamp bytes that waited for the client longer than
     * {@link #STALL_MS} ms because of {@code stall}: taken more than {@link #STALL_MS} ms after the stall began
     * and no later than {@link #END_GRACE_MS} ms after it ended.
     */
    public static boolean inDoubt(long stampNanos, Stall stall) {
        return stampNanos > stall.startNanos() + (long) (STALL_MS * 1e6)
                && stampNanos <= stall.endNanos() + (long) (END_GRACE_MS * 1e6);
    }

    /**
     * The spans in which a timestamp is in doubt, merged and sorted: for each stall, from {@link #STALL_MS} ms
     * after its start (exclusive) to {@link #END_GRACE_MS} ms after its end (inclusive).
     */
    private record DoubtWindows(long[] from, long[] to) {

        static DoubtWindows of(List<Stall> sortedStalls) {
            long[] from = new long[sortedStalls.size()];
            long[] to = new long[sortedStalls.size()];
            int n = 0;
            for (Stall stall : sortedStalls) {
                long a = stall.startNanos() + (long) (STALL_MS * 1e6);
                long b = stall.endNanos() + (long) (END_GRACE_MS * 1e6);
                if (n > 0 && a <= to[n - 1]) {
                    // Overlapping windows (a GC pause seen as a lag on every loop) merge: (a, b] within
                    // (from, to] or extending it.
                    to[n - 1] = Math.max(to[n - 1], b);
                    from[n - 1] = Math.min(from[n - 1], a);
                } else {
                    from[n] = a;
                    to[n] = b;
                    n++;
                }
            }
            return new DoubtWindows(Arrays.copyOf(from, n), Arrays.copyOf(to, n));
        }

        boolean anyInDoubt(RequestRecord record) {
            if (from.length == 0) {
                return false;
            }
            for (int i = 0; i < record.chunkCount(); i++) {
                if (contains(record.chunkNanosAt(i))) {
                    return true;
                }
            }
            return contains(record.endNanos());
        }

        /** Is {@code t} in some (from, to]? The windows are sorted by start and do not overlap. */
        private boolean contains(long t) {
            int lo = 0;
            int hi = from.length - 1;
            int last = -1; // the last window that starts before t
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (from[mid] < t) {
                    last = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return last >= 0 && t <= to[last];
        }
    }

    private static String reason(int affected, int total, Observations observed, List<Stall> stalls) {
        long gc = stalls.stream().filter(s -> s.cause() == Stall.Cause.GC_PAUSE).count();
        long lag = stalls.size() - gc;
        double longest = stalls.stream().mapToDouble(Stall::millis).max().orElse(0);
        return String.format(
                Locale.ROOT,
                "%d of %d requests (%.1f %%) have a token or their end read more than %.0f ms into a client stall, "
                        + "so possibly stamped that late (%d GC pauses, %d event-loop lags; longest %.1f ms; machine CPU load up to %.0f %%)",
                affected,
                total,
                100.0 * affected / total,
                STALL_MS,
                gc,
                lag,
                longest,
                Math.max(0, observed.cpuLoadMax()) * 100);
    }

    private static double round(double value) {
        return value < 0 ? value : Math.round(value * 1000) / 1000.0;
    }

    /**
     * What a monitor saw over one benchmark.
     *
     * @param stalls           every GC pause and every late probe, in any order
     * @param gcPauseCount     stop-the-world pauses
     * @param gcPauseTotalMs   their summed length, milliseconds
     * @param gcPauseMaxMs     the longest, milliseconds
     * @param lagP99Ms         99th percentile of the probes' lateness, milliseconds
     * @param lagMaxMs         the latest probe, milliseconds
     * @param cpuLoadMax       highest machine CPU load sampled (0-1), -1 when unknown
     * @param clientCpuSeconds this process's CPU time over the benchmark, -1 when unknown
     */
    public record Observations(
            List<Stall> stalls,
            int gcPauseCount,
            double gcPauseTotalMs,
            double gcPauseMaxMs,
            double lagP99Ms,
            double lagMaxMs,
            double cpuLoadMax,
            double clientCpuSeconds) {

        public Observations {
            stalls = List.copyOf(stalls);
        }
    }
}
