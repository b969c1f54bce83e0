package io.benchsuite.health;

import io.benchsuite.record.RequestRecord;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Pure: from what the {@link ClientHealthMonitor} saw and the benchmark's requests, how many requests a client
 * stall may have inflated, and the verdict.
 *
 * <p>A request is affected when a stall overlaps the span from its send to its last token arrival (or to its
 * end when no token arrived): that span is exactly its time to first token followed by its inter-token gaps,
 * so a stall inside it delayed the stamping of a first token or widened a gap. Every request in flight counts,
 * whichever event loop stalled, since the client does not record which loop read which stream and a GC pause
 * stops them all. Only stalls longer than {@link #STALL_MS} count: shorter ones are within the scheduling noise
 * of a shared machine, and the timings are reported to the millisecond.
 */
public final class ClientHealthJudge {

    /** A GC pause or an event-loop lag longer than this many milliseconds is a stall. */
    public static final double STALL_MS = 5.0;
    /** More than this fraction of affected requests makes the benchmark {@code degraded}. */
    public static final double DEGRADED_FRACTION = 0.01;

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
        int affected = 0;
        for (RequestRecord record : records) {
            long from = record.startNanos();
            long to = record.chunkCount() > 0 ? record.chunkNanosAt(record.chunkCount() - 1) : record.endNanos();
            if (overlapsAny(stalls, from, to)) {
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

    private static boolean overlapsAny(List<Stall> sortedStalls, long from, long to) {
        for (Stall stall : sortedStalls) {
            if (stall.startNanos() > to) {
                return false;
            }
            if (stall.overlaps(from, to)) {
                return true;
            }
        }
        return false;
    }

    private static String reason(int affected, int total, Observations observed, List<Stall> stalls) {
        long gc = stalls.stream().filter(s -> s.cause() == Stall.Cause.GC_PAUSE).count();
        long lag = stalls.size() - gc;
        double longest = stalls.stream().mapToDouble(Stall::millis).max().orElse(0);
        return String.format(
                Locale.ROOT,
                "%d of %d requests (%.1f %%) overlapped a client stall over %.0f ms "
                        + "(%d GC pauses, %d event-loop lags; longest %.1f ms; machine CPU load up to %.0f %%)",
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
