package io.benchsuite.load;

import io.benchsuite.record.ErrorKind;
import java.util.Locale;
import java.util.Map;

/** The human-readable form of a load run, one figure a line, ending with the verdict. */
public final class LoadTable {

    private static final double MIB = 1024.0 * 1024.0;

    private LoadTable() {}

    public static String render(LoadResult r) {
        LoadPlan p = r.plan();
        StringBuilder out = new StringBuilder();
        line(
                out,
                "load",
                String.format(
                        Locale.ROOT,
                        "%d streams x %d requests of %d tokens, first after %s ms then "
                                + "every %s ms (%.0f tokens/s at full load)",
                        p.streams(),
                        p.requestsPerStream(),
                        p.outputTokens(),
                        trim(p.firstTokenMs()),
                        trim(p.interTokenMs()),
                        p.tokensPerSecond()));
        line(
                out,
                "requests",
                String.format(
                        Locale.ROOT,
                        "%d sent, %d ok, %d failed",
                        r.tally().succeeded() + r.tally().failed(),
                        r.tally().succeeded(),
                        r.tally().failed()));
        for (Map.Entry<ErrorKind, Integer> failure : r.tally().failedByKind().entrySet()) {
            line(
                    out,
                    "  " + failure.getKey(),
                    failure.getValue() + " (first: " + r.tally().firstMessage().getOrDefault(failure.getKey(), "")
                            + ")");
        }
        line(out, "tokens received", Long.toString(r.tally().tokens()));
        line(
                out,
                "wall time",
                String.format(
                        Locale.ROOT,
                        "%.1f s (the schedule alone takes %.1f s)",
                        r.wallSeconds(),
                        p.scheduledSeconds()));
        line(
                out,
                "client CPU",
                String.format(
                        Locale.ROOT,
                        "%.1f s (%.1f ms per 1000 tokens)",
                        r.usage().cpuNanos() / 1e9,
                        perThousand(r.usage().cpuNanos(), r.tally().tokens())));
        line(
                out,
                "simulator CPU",
                r.simulatorCpuNanos() < 0
                        ? "unknown"
                        : String.format(Locale.ROOT, "%.1f s (its own process)", r.simulatorCpuNanos() / 1e9));
        line(
                out,
                "peak heap",
                String.format(
                        Locale.ROOT,
                        "%.0f MiB (sampled every 10 ms, garbage included)",
                        r.usage().heapPeakBytes() / MIB));
        line(
                out,
                "peak RSS",
                r.usage().rssPeakBytes() < 0
                        ? "unknown"
                        : String.format(
                                Locale.ROOT,
                                "%.0f MiB (VmHWM%s)",
                                r.usage().rssPeakBytes() / MIB,
                                r.usage().rssPeakReset() ? ", reset at the start" : ", since the process started"));
        line(
                out,
                "peak open fds",
                (r.peakOpenFds() < 0 ? "unknown" : Integer.toString(r.peakOpenFds()))
                        + " (limit "
                        + (r.openFileLimit() < 0
                                ? "unknown"
                                : r.openFileLimit() == Long.MAX_VALUE ? "unlimited" : Long.toString(r.openFileLimit()))
                        + ")");
        line(
                out,
                "heap per record",
                Double.isNaN(r.retainedBytesPerRecord())
                        ? "no record"
                        : String.format(
                                Locale.ROOT,
                                "%.0f bytes retained (object layout; generated text %s)",
                                r.retainedBytesPerRecord(),
                                p.keepGeneratedText() ? "kept" : "not kept"));
        line(
                out,
                "load average",
                String.format(
                        Locale.ROOT,
                        "%.2f at start, %.2f at end (%d processors)",
                        r.loadAverageStart(),
                        r.loadAverageEnd(),
                        r.processors()));
        line(
                out,
                "result",
                r.clean()
                        ? "PASS: every request completed without a client error"
                        : "FAIL: " + r.tally().failed() + " of " + p.requests() + " requests failed");
        return out.toString();
    }

    private static double perThousand(long nanos, long events) {
        return events == 0 ? Double.NaN : nanos / 1e6 / events * 1000;
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "%-18s %s%n", label, value));
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
