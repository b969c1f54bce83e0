package io.benchsuite.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.record.ErrorKind;
import io.benchsuite.stats.GeneralMetrics;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailedShareTest {

    private static GeneralMetrics general(int total, Map<ErrorKind, Integer> byKind) {
        int errored = byKind.values().stream().mapToInt(Integer::intValue).sum();
        return new GeneralMetrics(
                -1,
                -1,
                -1,
                total,
                byKind.getOrDefault(ErrorKind.TIMEOUT, 0),
                errored,
                1,
                1,
                1,
                0,
                0,
                0,
                0,
                0,
                1,
                byKind,
                0);
    }

    @Test
    void aboveTheShareTheWarningListsTheErrorsByKind() {
        FailedShare share =
                FailedShare.of(general(100, Map.of(ErrorKind.HTTP_STATUS, 20, ErrorKind.CONNECTION_RESET, 10)), 0.1);
        assertTrue(share.exceeded());
        assertEquals(
                "30 of 100 requests failed (30 %, above max-failed-share 0.1): HTTP_STATUS 20, "
                        + "CONNECTION_RESET 10; its numbers are in doubt",
                share.warning().orElseThrow());
    }

    @Test
    void atTheShareOrWithCancelledRequestsOnlyTheBenchmarkIsNotInDoubt() {
        assertFalse(FailedShare.of(general(100, Map.of(ErrorKind.HTTP_STATUS, 10)), 0.1)
                .exceeded());
        // Requests cut by the end of the benchmark say nothing about the server.
        assertFalse(FailedShare.of(general(100, Map.of(ErrorKind.CANCELLED, 60, ErrorKind.TIMEOUT, 5)), 0.1)
                .exceeded());
        assertFalse(FailedShare.of(general(0, Map.of(ErrorKind.NONE, 0)), 0.1).exceeded());
    }
}
