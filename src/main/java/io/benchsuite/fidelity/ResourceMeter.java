package io.benchsuite.fidelity;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures this process over one scenario: CPU time from the operating-system bean, peak heap use by
 * sampling on a thread of its own every 10 ms, and the peak resident set from {@code /proc/self/status}.
 * Start with {@link #start()}, end with {@link #stop()}.
 */
public final class ResourceMeter {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path STAT = Path.of("/proc/self/stat");
    /** USER_HZ, the unit of the times in /proc/[pid]/stat: 100 on every mainstream Linux build. */
    private static final long TICKS_PER_SECOND = 100;
    /** Writing "5" here resets VmHWM to the current RSS (Linux 4.0+); refused in some containers. */
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private static final long SAMPLE_MILLIS = 10;

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private volatile boolean sampling;
    private volatile long heapPeak;
    private Thread sampler;
    private long cpuAtStart;
    private long kernelAtStart;
    private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private java.util.Map<Long, Long> threadCpuAtStart = java.util.Map.of();
    private boolean rssReset;

    private ResourceMeter() {}

    public static ResourceMeter start() {
        ResourceMeter meter = new ResourceMeter();
        meter.begin();
        return meter;
    }

    private void begin() {
        rssReset = resetRssPeak();
        heapPeak = memory.getHeapMemoryUsage().getUsed();
        sampling = true;
        sampler = new Thread(this::sample, "fidelity-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        threadCpuAtStart = threadCpu();
        cpuAtStart = os.getProcessCpuTime();
        kernelAtStart = kernelCpuNanos();
    }

    /** CPU time per live thread id; -1 values (thread gone or measurement off) are left out. */
    private java.util.Map<Long, Long> threadCpu() {
        java.util.Map<Long, Long> cpu = new java.util.HashMap<>();
        if (threads.isThreadCpuTimeSupported()) {
            for (long id : threads.getAllThreadIds()) {
                long nanos = threads.getThreadCpuTime(id);
                if (nanos >= 0) {
                    cpu.put(id, nanos);
                }
            }
        }
        return cpu;
    }

    /**
     * CPU milliseconds per kind of thread over the scenario (names without their trailing number, so the
     * event loops add up), for the JVM's own threads too (JIT compilers, GC). Shows where the client's time
     * goes; threads that ended during the scenario are missing, so the sum can be below the process total.
     */
    private java.util.Map<String, Double> cpuByThreadKind() {
        java.util.Map<Long, Long> now = threadCpu();
        java.util.Map<String, Double> byKind = new java.util.TreeMap<>();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(
                now.keySet().stream().mapToLong(Long::longValue).toArray())) {
            if (info == null) {
                continue;
            }
            long spent = now.get(info.getThreadId()) - threadCpuAtStart.getOrDefault(info.getThreadId(), 0L);
            if (spent > 0) {
                byKind.merge(threadKind(info.getThreadName()), spent / 1e6, Double::sum);
            }
        }
        return byKind;
    }

    static String threadKind(String name) {
        return name.replaceAll("[-\\s]?\\d+$", "");
    }

    private void sample() {
        while (sampling) {
            heapPeak = Math.max(heapPeak, memory.getHeapMemoryUsage().getUsed());
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public ResourceUsage stop() throws InterruptedException {
        long cpu = os.getProcessCpuTime() - cpuAtStart;
        long kernelNow = kernelCpuNanos();
        long kernel = kernelAtStart < 0 || kernelNow < 0 ? -1 : kernelNow - kernelAtStart;
        java.util.Map<String, Double> byThread = cpuByThreadKind();
        sampling = false;
        sampler.interrupt();
        sampler.join();
        long heap = Math.max(heapPeak, memory.getHeapMemoryUsage().getUsed());
        return new ResourceUsage(cpu, kernel, heap, rssPeakBytes(), rssReset, byThread);
    }

    private static boolean resetRssPeak() {
        try {
            Files.writeString(CLEAR_REFS, "5");
            return true;
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** System CPU time of this process so far, -1 when /proc/self/stat cannot be read. */
    static long kernelCpuNanos() {
        try {
            return systemTicks(Files.readString(STAT, StandardCharsets.US_ASCII)) * (1_000_000_000L / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The stime field (15th) of a /proc/[pid]/stat line. Counted from after the last ')', since the command
     * name in parentheses may itself hold blanks and parentheses.
     */
    static long systemTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(fields[15 - 3]);
    }

    /** VmHWM in bytes, -1 when the file or the line is missing. */
    static long rssPeakBytes() {
        try {
            return vmHwmBytes(Files.readString(STATUS, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return -1;
        }
    }

    /** Reads the {@code VmHWM:   123456 kB} line of a /proc status text. */
    static long vmHwmBytes(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmHWM:")) {
                String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
                return Long.parseLong(parts[0]) * 1024;
            }
        }
        return -1;
    }
}
