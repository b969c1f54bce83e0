package io.benchsuite.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One {@code bench-suite run} in a process of its own, started the way a user starts it (the launch command
 * is given: this process's own, or plain {@code java -jar}), against the exact-schedule simulator. What the
 * fidelity benchmark measures is then the user's path as a whole: start-up, the warm-up, the metrics poller,
 * the self-check, the statistics and the raw-result file. While it runs, its {@code /proc/[pid]} files are
 * read every {@value #SAMPLE_MILLIS} ms for its CPU time and its resident-set high-water mark.
 */
final class ChildRun {

    private static final long SAMPLE_MILLIS = 20;
    /** USER_HZ, the unit of the times in /proc/[pid]/stat: 100 on every mainstream Linux build. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    /** Beyond the benchmark's own duration: start-up, warm-up, the idle metrics windows, writing. */
    private static final long GRACE_SECONDS = 120;

    private ChildRun() {}

    /**
     * What the child spent and wrote.
     *
     * @param rawResult       the raw result it wrote (the {@code run} command's JSON)
     * @param cpuNanos        its CPU time from start to exit (user + system, all threads), -1 without /proc
     * @param kernelCpuNanos  the system part, -1 without /proc
     * @param rssPeakBytes    its resident-set high-water mark (VmHWM), -1 without /proc
     * @param wallSeconds     from start to exit
     */
    record Result(JsonNode rawResult, long cpuNanos, long kernelCpuNanos, long rssPeakBytes, double wallSeconds) {}

    /**
     * The command line of the {@code run} for one scenario: its concurrency, 64-token answers, metrics every
     * 10 ms, every request's statistics kept (the errors are computed from them) and every metrics sample
     * (to count the scrapes), and enough prompts to last the whole duration.
     */
    static List<String> arguments(String baseUrl, Scenario scenario, double durationSeconds, Path output) {
        double requestSeconds = scenario.scheduledRequestMs() / 1000;
        long needed = (long) Math.ceil(scenario.streams() * (durationSeconds / requestSeconds + 1) * 1.2);
        return List.of(
                "run",
                "--base-url",
                baseUrl,
                "--prompt-length",
                "32",
                "--output-length",
                Integer.toString(scenario.outputTokens()),
                "--n-workers",
                Integer.toString(scenario.streams()),
                "--max-duration",
                String.format(Locale.ROOT, "%s", durationSeconds),
                "--max-queries",
                Long.toString(needed),
                "--step-live-metrics",
                String.format(Locale.ROOT, "%s", ScenarioRunner.METRICS_STEP.toNanos() / 1e9),
                "--query-metrics",
                "--with-kv-cache-profile",
                "--output-file",
                output.toString());
    }

    /** Runs the child to its end; an exit status other than 0 or a missing result is an IOException. */
    static Result run(List<String> launch, String baseUrl, Scenario scenario, double durationSeconds, Path folder)
            throws IOException, InterruptedException {
        Path output = folder.resolve("raw-" + scenario.streams() + "-" + System.nanoTime() + ".json");
        Path log = folder.resolve("run-" + scenario.streams() + ".log");
        List<String> command = new ArrayList<>(launch);
        command.addAll(arguments(baseUrl, scenario, durationSeconds, output));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Path proc = Path.of("/proc", Long.toString(process.pid()));
        long rssPeak = -1;
        long[] cpu = {-1, -1};
        long deadline = started + (long) ((durationSeconds + GRACE_SECONDS) * 1e9);
        while (!process.waitFor(SAMPLE_MILLIS, TimeUnit.MILLISECONDS)) {
            rssPeak = Math.max(rssPeak, read(proc.resolve("status"), ResourceMeter::vmHwmBytes));
            long[] now = cpuTicks(proc);
            if (now[0] >= 0) {
                cpu = now;
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IOException("bench-suite run did not end within " + (durationSeconds + GRACE_SECONDS)
                        + " s; its log is " + log);
            }
        }
        double wall = (System.nanoTime() - started) / 1e9;
        if (process.exitValue() != 0 || !Files.isRegularFile(output)) {
            throw new IOException("bench-suite run ended with status " + process.exitValue() + " ("
                    + String.join(" ", command) + "); the end of its log:\n" + tail(log));
        }
        JsonNode raw = new ObjectMapper().readTree(output.toFile());
        Files.deleteIfExists(output);
        long total = cpu[0] < 0 ? -1 : (cpu[0] + cpu[1]) * NANOS_PER_TICK;
        long kernel = cpu[1] < 0 ? -1 : cpu[1] * NANOS_PER_TICK;
        return new Result(raw, total, kernel, rssPeak, wall);
    }

    private interface Parser {
        long parse(String text);
    }

    private static long read(Path file, Parser parser) {
        try {
            return parser.parse(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return -1; // gone (the process just ended) or no /proc here
        }
    }

    /** utime and stime, in ticks, of /proc/[pid]/stat; {-1, -1} when unreadable. */
    private static long[] cpuTicks(Path proc) {
        try {
            return userAndSystemTicks(Files.readString(proc.resolve("stat"), StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }

    /**
     * The utime and stime fields (14th and 15th) of a /proc/[pid]/stat line, counted from after the last ')'
     * since the command name in parentheses may hold blanks.
     */
    static long[] userAndSystemTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return new long[] {Long.parseLong(fields[14 - 3]), Long.parseLong(fields[15 - 3])};
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
