package io.benchsuite.fidelity;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The human-readable form of a fidelity run: one row per scenario for {@code bench-suite run} as started,
 * then started with plain {@code java -jar}, the bare reader's rows (the floor), the self-check of each run,
 * then the targets with PASS/FAIL.
 */
public final class FidelityTable {

    private FidelityTable() {}

    public static String render(FidelityReport report) {
        List<ScenarioSummary> summaries = report.scenarios();
        StringBuilder out = new StringBuilder();
        out.append("Fidelity of bench-suite run against an exact schedule (")
                .append(report.machine())
                .append(")\n");
        out.append(String.format(
                Locale.ROOT,
                "each run: %s ... run --max-duration %s; errors in ms = measured - scheduled over the whole run;"
                        + " medians over %d repetitions%n%n",
                report.launch(),
                trim(report.durationSeconds()),
                report.repetitions()));
        rows(out, summaries);
        if (!report.plain().isEmpty()) {
            out.append("\nthe same, bench-suite run started with plain java -jar (no JVM flag):\n");
            rows(out, report.plain());
        }
        out.append("\nfloor: a bare java.nio reader on one thread (no HTTP library, no JSON, no metrics polling),"
                + " same simulator, in this process:\n");
        rows(out, report.floors());
        out.append(String.format(
                Locale.ROOT,
                "%nof the CPU per 1000 tokens, spent in the kernel (socket reads, epoll), client / floor:"));
        for (int i = 0; i < summaries.size(); i++) {
            out.append(String.format(
                    Locale.ROOT,
                    " %d streams %.2f / %.2f ms;",
                    summaries.get(i).scenario().streams(),
                    summaries.get(i).kernelCpuMsPer1000Events(),
                    i < report.floors().size() ? report.floors().get(i).kernelCpuMsPer1000Events() : Double.NaN));
        }
        out.append(String.format(Locale.ROOT, "%nsimulator CPU per 1000 tokens (its own process), client runs:"));
        for (ScenarioSummary s : summaries) {
            out.append(String.format(
                    Locale.ROOT, " %d streams %.2f ms;", s.scenario().streams(), s.serverCpuMsPer1000Events()));
        }
        out.append(String.format(Locale.ROOT, "%nmetrics scrapes per second during the benchmark (step 10 ms):"));
        for (ScenarioSummary s : summaries) {
            out.append(
                    String.format(Locale.ROOT, " %d streams %.0f;", s.scenario().streams(), s.scrapesPerSecond()));
        }
        out.append(String.format(Locale.ROOT, "%nclient self-check (client_health of each raw result):"));
        for (ScenarioSummary s : summaries) {
            out.append(String.format(Locale.ROOT, "%n%7d streams:", s.scenario().streams()));
            for (ScenarioResult run : s.runs()) {
                var health = run.clientHealth();
                out.append(String.format(
                        Locale.ROOT,
                        " %s (%d/%d affected, lag p99 %.1f max %.1f ms, GC max %.1f ms);",
                        health.verdict(),
                        health.requestsAffected(),
                        health.requests(),
                        health.eventLoopLagP99Ms(),
                        health.eventLoopLagMaxMs(),
                        health.gcPauseMaxMs()));
            }
        }
        out.append("\n\nfloor CPU by thread, ms, last repetition:\n");
        for (ScenarioSummary s : report.floors()) {
            ScenarioResult last = s.runs().get(s.runs().size() - 1);
            out.append(String.format(
                    Locale.ROOT,
                    "%5d streams, %.0f ms in all:",
                    s.scenario().streams(),
                    last.resources().cpuNanos() / 1e6));
            last.resources().cpuMsByThread().entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .filter(e -> e.getValue() >= 1)
                    .forEach(e -> out.append(String.format(Locale.ROOT, " %s %.0f;", e.getKey(), e.getValue())));
            out.append('\n');
        }
        out.append(
                "\nTargets (issue 17, section 2)                          limit    measured     floor  original tool\n");
        for (TargetCheck t : report.targets()) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-4s %5d streams  %-36s <= %8.2f %9.2f %9s  %s%n",
                    t.pass() ? "PASS" : "FAIL",
                    t.streams(),
                    t.figure() + " (" + t.unit() + ")",
                    t.limit(),
                    t.measured(),
                    Double.isNaN(t.floor()) ? "-" : String.format(Locale.ROOT, "%.2f", t.floor()),
                    Double.isNaN(t.originalTool()) ? "-" : trim(t.originalTool())));
        }
        out.append("a target the floor misses too is met within 1.3x the floor (CPU, RSS) or the floor + 2 ms"
                + " (TTFT p99); java -jar figures at most twice the launcher's\n");
        return out.toString();
    }

    private static void rows(StringBuilder out, List<ScenarioSummary> summaries) {
        out.append(String.format(
                Locale.ROOT,
                "%7s %9s | %8s %8s %8s | %8s %8s %8s | %7s | %9s %7s | %7s | %6s%n",
                "streams",
                "schedule",
                "TTFT avg",
                "TTFT p99",
                "TTFT std",
                "ITL avg",
                "ITL p99",
                "ITL std",
                "bursts",
                "CPU/1000",
                "CPU s",
                "RSS MiB",
                "failed"));
        for (ScenarioSummary s : summaries) {
            Scenario c = s.scenario();
            out.append(String.format(
                    Locale.ROOT,
                    "%7d %9s | %8.3f %8.3f %8.3f | %8.3f %8.3f %8.3f | %6.2f%% | %6.2f ms %7.2f | %7.0f | %6d%n",
                    c.streams(),
                    trim(c.firstTokenMs()) + "/" + trim(c.interTokenMs()),
                    s.ttftErrorMeanMs(),
                    s.ttftErrorP99Ms(),
                    s.ttftErrorStdMs(),
                    s.interTokenErrorMeanMs(),
                    s.interTokenErrorP99Ms(),
                    s.interTokenErrorStdMs(),
                    s.burstShare() * 100,
                    s.cpuMsPer1000Events(),
                    s.cpuSeconds(),
                    s.rssPeakMiB(),
                    s.failedRequests()));
        }
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
