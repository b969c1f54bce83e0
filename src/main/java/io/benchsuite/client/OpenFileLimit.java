package io.benchsuite.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Checks the process's open-file limit against what many parallel streams need, before the run starts: past
 * the limit every new connection fails with "Too many open files", which would show up as hundreds of
 * errored requests blamed on the server.
 *
 * <p>Read from {@code /proc/self/limits}, the limit this very process runs under: the JVM raises its soft
 * limit to the hard limit at start-up, so the figure a user sees with {@code ulimit -n} in the shell may be
 * lower than the one that applies. Where the file does not exist (macOS), nothing is checked.
 */
public final class OpenFileLimit {

    private static final Path LIMITS = Path.of("/proc/self/limits");
    private static final String LINE = "Max open files";
    /**
     * Descriptors besides the streams' sockets: the jars and JVM internals (about 60), epoll and event-loop
     * pipes, the metrics poller's connection, log and result files. Measured at about 80 for a running suite;
     * the rest is headroom.
     */
    static final int MARGIN = 256;

    private OpenFileLimit() {}

    /**
     * Descriptors a run of {@code maxConcurrency} parallel requests may hold: a socket per request, twice
     * that when the simulator serves them from this same process ({@code --simulate}), plus the margin.
     */
    public static long needed(int maxConcurrency) {
        return 2L * maxConcurrency + MARGIN;
    }

    /** The soft limit of a {@code /proc/<pid>/limits} text; {@link Long#MAX_VALUE} for "unlimited". */
    static OptionalLong softLimit(String limitsText) {
        for (String line : limitsText.split("\n")) {
            if (line.startsWith(LINE)) {
                String[] columns = line.substring(LINE.length()).trim().split("\\s+");
                if (columns.length == 0 || columns[0].isEmpty()) {
                    return OptionalLong.empty();
                }
                if (columns[0].equals("unlimited")) {
                    return OptionalLong.of(Long.MAX_VALUE);
                }
                try {
                    return OptionalLong.of(Long.parseLong(columns[0]));
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }

    /** This process's soft limit, empty where {@code /proc} does not tell. */
    public static OptionalLong current() {
        try {
            return softLimit(Files.readString(LIMITS, StandardCharsets.US_ASCII));
        } catch (IOException | SecurityException e) {
            return OptionalLong.empty();
        }
    }

    /** The one warning to print when {@code limit} is below what {@code maxConcurrency} streams need. */
    static Optional<String> warning(int maxConcurrency, OptionalLong limit) {
        long needed = needed(maxConcurrency);
        if (limit.isEmpty() || limit.getAsLong() >= needed) {
            return Optional.empty();
        }
        return Optional.of("The open-file limit of this process is " + limit.getAsLong() + ", below the " + needed
                + " that " + maxConcurrency + " parallel requests may need (a socket each, two when the simulator "
                + "runs in this process, plus " + MARGIN + "); past it connections fail with 'Too many open files'. "
                + "Raise it before starting, e.g. 'ulimit -n " + needed + "' (at most the hard limit, 'ulimit -Hn'; "
                + "in a container, the runtime's nofile ulimit)");
    }

    /** The warning for this process, if its limit is too low for {@code maxConcurrency} streams. */
    public static Optional<String> check(int maxConcurrency) {
        return warning(maxConcurrency, current());
    }
}
