package io.benchsuite.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestRecordTest {

    private static RequestRecord record(
            long[] chunkNanos, int[] chunkTokens, Outcome outcome, ErrorKind kind, Integer status) {
        return RequestRecord.withoutServerDetails(
                1, "p", 4, 0, 10, 100, chunkNanos, chunkTokens, 5, 4, outcome, kind, status, null, null);
    }

    @Test
    void arraysAreCopiedInAndOutSoTheRecordCannotChange() {
        long[] chunkNanos = {20, 30};
        int[] chunkTokens = {1, 3};
        RequestRecord record = record(chunkNanos, chunkTokens, Outcome.SUCCESS, ErrorKind.NONE, 200);
        chunkNanos[0] = 99;
        chunkTokens[0] = 99;
        record.chunkNanos()[1] = 99;
        record.chunkTokens()[1] = 99;
        assertArrayEquals(new long[] {20, 30}, record.chunkNanos());
        assertArrayEquals(new int[] {1, 3}, record.chunkTokens());
        assertEquals(4, record.chunkTokenSum());
        assertEquals(2, record.chunkCount());
        assertEquals("", record.errorMessage());
    }

    @Test
    void equalityComparesArrayContents() {
        RequestRecord a = record(new long[] {20, 30}, new int[] {1, 1}, Outcome.SUCCESS, ErrorKind.NONE, 200);
        RequestRecord b = record(new long[] {20, 30}, new int[] {1, 1}, Outcome.SUCCESS, ErrorKind.NONE, 200);
        RequestRecord c = record(new long[] {20, 31}, new int[] {1, 1}, Outcome.SUCCESS, ErrorKind.NONE, 200);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, c);
    }

    @Test
    void rejectsInconsistentRecords() {
        assertThrows(
                IllegalArgumentException.class,
                () -> record(new long[] {20}, new int[] {1, 1}, Outcome.SUCCESS, ErrorKind.NONE, 200));
        assertThrows(
                IllegalArgumentException.class, // chunks out of order
                () -> record(new long[] {30, 20}, new int[] {1, 1}, Outcome.SUCCESS, ErrorKind.NONE, 200));
        assertThrows(
                IllegalArgumentException.class, // chunk after the end
                () -> record(new long[] {200}, new int[] {1}, Outcome.SUCCESS, ErrorKind.NONE, 200));
        assertThrows(
                IllegalArgumentException.class, // chunk before the start
                () -> record(new long[] {5}, new int[] {1}, Outcome.SUCCESS, ErrorKind.NONE, 200));
        assertThrows(
                IllegalArgumentException.class,
                () -> record(new long[0], new int[0], Outcome.SUCCESS, ErrorKind.TIMEOUT, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> record(new long[0], new int[0], Outcome.ERROR, ErrorKind.TIMEOUT, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> record(new long[0], new int[0], Outcome.ERROR, ErrorKind.HTTP_STATUS, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> RequestRecord.withoutServerDetails(
                        1,
                        "p",
                        4,
                        0,
                        10,
                        100,
                        new long[0],
                        new int[0],
                        -2,
                        4,
                        Outcome.SUCCESS,
                        ErrorKind.NONE,
                        200,
                        "",
                        null));
    }

    @Test
    void knowsWhetherTheServerReportedUsage() {
        RequestRecord reported = record(new long[0], new int[0], Outcome.ERROR, ErrorKind.HTTP_STATUS, 500);
        assertTrue(reported.completionTokensReported());
        RequestRecord silent = RequestRecord.withoutServerDetails(
                1,
                "p",
                4,
                0,
                10,
                100,
                new long[0],
                new int[0],
                RequestRecord.NOT_REPORTED,
                RequestRecord.NOT_REPORTED,
                Outcome.TIMEOUT,
                ErrorKind.TIMEOUT,
                null,
                "timed out",
                null);
        assertFalse(silent.completionTokensReported());
        assertFalse(silent.promptTokensReported());
    }

    @Test
    void timeAnchorMapsNanoTimeToEpochSecondsThroughOnePairing() {
        TimeAnchor anchor = new TimeAnchor(1_000_000_000L, 1_700_000_000.25);
        assertEquals(1_700_000_000.25, anchor.toEpochSeconds(1_000_000_000L), 0);
        assertEquals(1_700_000_001.75, anchor.toEpochSeconds(2_500_000_000L), 1e-6);
        assertEquals(1_699_999_999.25, anchor.toEpochSeconds(0L), 1e-6);
        assertEquals(1.5, TimeAnchor.secondsBetween(1_000_000_000L, 2_500_000_000L), 0);
    }

    @Test
    void capturedAnchorAgreesWithTheWallClock() {
        TimeAnchor anchor = TimeAnchor.capture();
        double wallNow = System.currentTimeMillis() / 1000.0;
        // Both clocks read within the same few milliseconds; currentTimeMillis has 1 ms resolution.
        assertEquals(wallNow, anchor.toEpochSeconds(System.nanoTime()), 0.05);
    }
}
