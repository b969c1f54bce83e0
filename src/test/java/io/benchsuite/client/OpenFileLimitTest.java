package io.benchsuite.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class OpenFileLimitTest {

    /** The layout of /proc/self/limits on Linux 6.x, trimmed to a few lines. */
    private static final String LIMITS = """
            Limit                     Soft Limit           Hard Limit           Units
            Max cpu time              unlimited            unlimited            seconds
            Max processes             63672                63672                processes
            Max open files            1024                 524288               files
            Max locked memory         8388608              8388608              bytes
            """;

    @Test
    void readsTheSoftLimitNotTheHardOne() {
        assertEquals(OptionalLong.of(1024), OpenFileLimit.softLimit(LIMITS));
    }

    @Test
    void unlimitedIsTheLargestLimit() {
        assertEquals(
                OptionalLong.of(Long.MAX_VALUE),
                OpenFileLimit.softLimit("Max open files            unlimited            unlimited            files\n"));
    }

    @Test
    void aMissingLineGivesNoLimit() {
        assertTrue(OpenFileLimit.softLimit("Max cpu time   unlimited   unlimited   seconds\n")
                .isEmpty());
    }

    @Test
    void twoSocketsPerStreamPlusTheMargin() {
        assertEquals(4256, OpenFileLimit.needed(2000));
    }

    @Test
    void warnsOnlyBelowWhatTheConcurrencyNeeds() {
        assertTrue(OpenFileLimit.warning(2000, OptionalLong.of(4256)).isEmpty());
        assertTrue(OpenFileLimit.warning(2000, OptionalLong.empty()).isEmpty(), "no /proc: nothing to say");
        String warning = OpenFileLimit.warning(2000, OptionalLong.of(1024)).orElseThrow();
        assertTrue(warning.contains("1024") && warning.contains("ulimit -n 4256"), warning);
    }

    @Test
    void theRunningProcessHasALimitOnLinux() {
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertTrue(OpenFileLimit.current().orElseThrow() > 0);
        }
    }

    @Test
    void connectTimeoutGrowsWithTheConnectionsOpenedAtOnce() {
        assertEquals(Duration.ofMillis(10_010), ClientOptions.connectTimeoutFor(1));
        assertEquals(Duration.ofSeconds(30), ClientOptions.connectTimeoutFor(2000));
    }
}
