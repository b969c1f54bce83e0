package io.benchsuite.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchFlagsTest {

    private static final List<String> LAUNCHER = List.of(
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xmn64m",
            "-Xms96m",
            "-XX:SurvivorRatio=4",
            "-XX:MaxTenuringThreshold=1",
            "-Xshare:auto",
            "-XX:SharedArchiveFile=/app/app-cds.jsa");

    @Test
    void theLaunchersFlagsLeaveNothingMissing() {
        assertEquals(List.of(), LaunchFlags.missing(LAUNCHER));
        assertTrue(LaunchFlags.warning(LaunchFlags.missing(LAUNCHER)).isEmpty());
    }

    @Test
    void plainJavaMissesEveryFlagAndTheWarningNamesThem() {
        List<LaunchFlags.Flag> missing = LaunchFlags.missing(List.of());
        assertEquals(LaunchFlags.EXPECTED, missing);
        String warning = LaunchFlags.warning(missing).orElseThrow();
        assertTrue(warning.contains("-XX:+UseSerialGC"), warning);
        assertTrue(warning.contains("-Xmn64m"), warning);
        assertTrue(warning.contains("bin/bench-suite"), warning);
    }

    @Test
    void aLaterFlagOverridesTheLaunchersOne() {
        List<String> overridden = new java.util.ArrayList<>(LAUNCHER);
        overridden.add("-XX:-UseSerialGC");
        overridden.add("-XX:TieredStopAtLevel=4");
        overridden.add("-Xmn128m");
        List<LaunchFlags.Flag> missing = LaunchFlags.missing(overridden);
        assertEquals(
                List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmn64m"),
                missing.stream().map(LaunchFlags.Flag::flag).toList());
    }

    @Test
    void optionsAreComparedWithoutTheirValues() {
        assertEquals("-XX:UseSerialGC", LaunchFlags.option("-XX:-UseSerialGC"));
        assertEquals("-XX:TieredStopAtLevel", LaunchFlags.option("-XX:TieredStopAtLevel=4"));
        assertEquals("-Xmn", LaunchFlags.option("-Xmn1g"));
        assertEquals("-Xshare:auto", LaunchFlags.option("-Xshare:auto"));
    }
}
