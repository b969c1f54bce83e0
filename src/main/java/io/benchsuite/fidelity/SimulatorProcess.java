package io.benchsuite.fidelity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exact-schedule simulator in a process of its own, so that the CPU time measured in this process is the
 * client's alone and the two do not share a garbage collector or a JIT. It is this same application
 * ({@code simulate --preset exact}), started the way this process was started: the same native executable,
 * or the same java binary, JVM flags and jar/class path. Used by the fidelity and the load benchmarks.
 */
public final class SimulatorProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    private static final long START_TIMEOUT_SECONDS = 60;

    private final Process process;
    private final String baseUrl;

    private SimulatorProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public long pid() {
        return process.pid();
    }

    /** CPU time the simulator process has used so far, -1 when the platform does not tell. */
    public long cpuNanos() {
        return process.info()
                .totalCpuDuration()
                .map(java.time.Duration::toNanos)
                .orElse(-1L);
    }

    /** Starts the child on a free port and waits for its "listening on" line. */
    public static SimulatorProcess start(double firstTokenMs, double interTokenMs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(selfLaunch());
        command.addAll(List.of(
                "simulate",
                "--preset",
                "exact",
                "--port",
                "0",
                "--first-token-ms",
                format(firstTokenMs),
                "--inter-token-ms",
                format(interTokenMs)));
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> readStderr(process, url), "simulator-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            return new SimulatorProcess(process, url.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException(
                    "the simulator process did not start (" + String.join(" ", command) + "): "
                            + (e.getCause() != null
                                    ? e.getCause().getMessage()
                                    : "no 'listening' line within " + START_TIMEOUT_SECONDS + " s"),
                    e);
        }
    }

    /** Forwards nothing but the listening line; the child's log would only interleave with the table. */
    private static void readStderr(Process process, CompletableFuture<String> url) {
        try (BufferedReader err =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = err.readLine()) != null) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    url.complete(m.group(1));
                } else if (!url.isDone() && seen.length() < 4000) {
                    seen.append(line).append('\n');
                }
            }
            url.completeExceptionally(new IOException("the simulator exited before listening:\n" + seen));
        } catch (IOException e) {
            url.completeExceptionally(e);
        }
    }

    /** The command that started this process, without its arguments. */
    static List<String> selfLaunch() {
        if (System.getProperty("org.graalvm.nativeimage.imagecode") != null) {
            return List.of(ProcessHandle.current()
                    .info()
                    .command()
                    .orElseThrow(() -> new IllegalStateException("cannot find this executable's path")));
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // Debug agents would make the child fight for the same port, a recording for the same file.
            if (!flag.startsWith("-agentlib:jdwp")
                    && !flag.startsWith("-javaagent")
                    && !flag.startsWith("-XX:StartFlightRecording")) {
                command.add(flag);
            }
        }
        String classPath = System.getProperty("java.class.path");
        String javaCommand = System.getProperty("sun.java.command", "");
        if (classPath.endsWith(".jar")
                && !classPath.contains(java.io.File.pathSeparator)
                && Files.isRegularFile(Path.of(classPath))
                && javaCommand.startsWith(classPath)) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, javaCommand.split(" ")[0]));
        }
        return command;
    }

    /**
     * {@code java -jar <this jar>} with no JVM flag at all, as a user may start the JVM build by hand; empty in
     * a native image or when this process was not started from a single jar.
     */
    static java.util.Optional<List<String>> plainJavaLaunch() {
        if (System.getProperty("org.graalvm.nativeimage.imagecode") != null) {
            return java.util.Optional.empty();
        }
        List<String> self = selfLaunch();
        int jar = self.indexOf("-jar");
        if (jar < 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(List.of(self.get(0), "-jar", self.get(jar + 1)));
    }

    private static String format(double ms) {
        return String.format(Locale.ROOT, "%s", ms);
    }

    /** SIGTERM (the simulator stops cleanly on it), then a kill if it lingers. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
