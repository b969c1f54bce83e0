package io.benchsuite.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.config.BenchSettings;
import io.benchsuite.config.SettingsCatalog;
import io.benchsuite.config.SettingsLoader;
import io.benchsuite.config.SettingsLoader.GivenValue;
import io.benchsuite.config.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSettingsTest {

    @TempDir
    Path dir;

    private BenchSettings load(Map<String, String> cli) {
        return SettingsLoader.load(cli, Map.of(), dir.resolve("absent.env"));
    }

    @Test
    void theStoredSettingsLoadBackToTheSameValuesAndNeverHoldTheKey() throws Exception {
        BenchSettings first = load(Map.of(
                "api-key",
                "sk-secret",
                "parallel-requests",
                "1,4,16",
                "max-duration-speed-generation",
                "15",
                "quick",
                "true"));
        RunSettings.write(dir, first);
        assertFalse(Files.readString(dir.resolve(RunSettings.FILE_NAME)).contains("sk-secret"));
        Map<String, String> stored = RunSettings.read(dir).orElseThrow();
        assertEquals(Long.toString(first.seed()), stored.get("seed"));
        assertEquals("1,4,16", stored.get("parallel-requests"));
        assertEquals("true", stored.get("quick"));

        BenchSettings again = SettingsLoader.load(Map.of(), Map.of(), dir.resolve("absent.env"), stored);
        assertEquals(first.seed(), again.seed());
        assertEquals(first.parallelRequests(), again.parallelRequests());
        assertEquals(15.0, again.maxDurationSpeedGeneration());
        assertTrue(again.quick());
    }

    @Test
    void twoLoadsWithoutASeedDrawDifferentOnes() {
        assertTrue(load(Map.of()).seed() != load(Map.of()).seed());
        assertEquals(7, load(Map.of("seed", "7")).seed());
    }

    @Test
    void aContradictingSettingIsAUsageErrorNamingIt() {
        Map<String, String> stored = Map.of("max-queries", "200", "parallel-requests", "1,4,16", "seed", "11");
        UsageException e = assertThrows(
                UsageException.class,
                () -> RunSettings.checkResume(
                        dir, stored, Map.of("max-queries", new GivenValue("1000", "command line"))));
        assertEquals(
                "Cannot resume '" + dir + "' with max-queries = 1000 (from command line): the run was started "
                        + "with max-queries = 200; drop --max-queries, BENCH_MAX_QUERIES or MAX_QUERIES to resume with the "
                        + "stored value, or start a new run without --resume",
                e.getMessage());
        assertThrows(
                UsageException.class,
                () -> RunSettings.checkResume(dir, stored, Map.of("seed", new GivenValue("12", "environment"))));
        assertThrows(
                UsageException.class,
                () -> RunSettings.checkResume(dir, stored, Map.of("model", new GivenValue("other", "environment"))),
                "a setting the run had unset");
    }

    @Test
    void equalValuesAndPerInvocationSettingsMayBeGivenAgain() {
        Map<String, String> stored = Map.of(
                "max-duration-speed-generation", "15.0", "parallel-requests", "1,4,16", "base-url", "http://old:1");
        RunSettings.checkResume(
                dir,
                stored,
                Map.of(
                        "max-duration-speed-generation", new GivenValue("15", "command line"),
                        "parallel-requests", new GivenValue("1, 4, 16", "environment"),
                        "base-url", new GivenValue("http://new:2", "command line"),
                        "api-key", new GivenValue("k", "environment"),
                        "resume", new GivenValue("true", "command line"),
                        "max-queries", new GivenValue("1000", "default-equal")));
        assertTrue(SettingsCatalog.get("base-url").perInvocation());
        assertFalse(SettingsCatalog.get("seed").perInvocation());
    }

    @Test
    void aFolderWithoutStoredSettingsGivesNothing() {
        assertEquals(Optional.empty(), RunSettings.read(dir));
    }
}
