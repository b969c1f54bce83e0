package io.benchsuite.health;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JVM flags the launcher ({@code bin/bench-suite}) and the container's entrypoint start the JVM build
 * with, and the check, at the start of a benchmark, that this process has them. They cannot be set from
 * inside a running JVM, and without them the same benchmark costs more: measured with
 * {@code bench-suite fidelity} (docs/fidelity.md), plain {@code java -jar} on a 2-core machine spends about
 * twice the CPU (the C2 compiler's threads) and more memory (the default collector and an initial heap of
 * 1/64 of the machine's memory). So the program says so instead of depending on them silently.
 */
public final class LaunchFlags {

    /** Each flag the launcher gives, with why, in the words of the warning. */
    public record Flag(String flag, String why) {}

    public static final List<Flag> EXPECTED = List.of(
            new Flag("-XX:TieredStopAtLevel=1", "C1 only: the C2 compiler's threads double the CPU of a short run"),
            new Flag("-XX:+UseSerialGC", "one GC thread and the smallest footprint"),
            new Flag("-Xmn64m", "a young generation of 64 MiB: short GC pauses, steady inter-token timings"),
            new Flag("-Xms96m", "a small initial heap, grown on need, instead of 1/64 of the machine's memory"),
            new Flag("-XX:SurvivorRatio=4", "survivor spaces that hold the in-flight streams' objects"),
            new Flag(
                    "-XX:MaxTenuringThreshold=1",
                    "finished requests' records promoted at once instead of copied at every young collection,"
                            + " which lengthened the pauses every stream waits for"));

    private LaunchFlags() {}

    /**
     * The expected flags missing from a JVM's input arguments (a later flag with the same option overrides an
     * earlier one, so the last wins).
     *
     * @param inputArguments the JVM's arguments, as {@code RuntimeMXBean.getInputArguments()} gives them
     * @return the missing or overridden ones, in {@link #EXPECTED}'s order; empty when all are there
     */
    public static List<Flag> missing(List<String> inputArguments) {
        List<Flag> missing = new ArrayList<>();
        for (Flag expected : EXPECTED) {
            String last = null;
            String option = option(expected.flag());
            for (String argument : inputArguments) {
                if (option(argument).equals(option)) {
                    last = argument;
                }
            }
            if (!expected.flag().equals(last)) {
                missing.add(expected);
            }
        }
        return missing;
    }

    /** "-XX:+UseSerialGC" and "-XX:-UseSerialGC" are one option; "-Xmn64m" is "-Xmn"; "-XX:A=1" is "-XX:A". */
    static String option(String argument) {
        if (argument.startsWith("-XX:+") || argument.startsWith("-XX:-")) {
            return "-XX:" + argument.substring(5);
        }
        int equals = argument.indexOf('=');
        if (equals > 0) {
            return argument.substring(0, equals);
        }
        for (String prefix : List.of("-Xmn", "-Xms", "-Xmx", "-Xss")) {
            if (argument.startsWith(prefix)) {
                return prefix;
            }
        }
        return argument;
    }

    /** The warning for the missing flags, empty when none is missing. */
    public static Optional<String> warning(List<Flag> missing) {
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder("Started without the launcher's JVM flags, so this benchmark costs more"
                + " CPU and memory than through bin/bench-suite or the container (docs/fidelity.md); missing:");
        for (Flag flag : missing) {
            text.append(' ').append(flag.flag()).append(" (").append(flag.why()).append(");");
        }
        text.setLength(text.length() - 1);
        text.append(". Start it with bin/bench-suite, or give these flags to java.");
        return Optional.of(text.toString());
    }

    /**
     * The warning for this process: empty in a native image (no JVM flags there) and when every flag is
     * given.
     */
    public static Optional<String> checkThisProcess() {
        if (System.getProperty("org.graalvm.nativeimage.imagecode") != null) {
            return Optional.empty();
        }
        return warning(missing(ManagementFactory.getRuntimeMXBean().getInputArguments()));
    }
}
