package io.benchsuite.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.fidelity.ResourceUsage;
import io.benchsuite.record.ErrorKind;
import io.benchsuite.record.RequestRecord;
import io.benchsuite.record.TestRecords;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadTableTest {

    private static final LoadPlan PLAN = new LoadPlan(2, 2, 3, 100, 50, false);
    private static final ResourceUsage USAGE =
            new ResourceUsage(2_000_000_000L, 500_000_000L, 64L << 20, 200L << 20, true, Map.of());

    private static RequestRecord ok() {
        return TestRecords.request()
                .startMs(0)
                .chunksMs(100, 150, 200)
                .endMs(200)
                .build();
    }

    private static RequestRecord refused(String message) {
        return TestRecords.request()
                .startMs(0)
                .endMs(1)
                .failed(ErrorKind.CONNECTION_REFUSED, null, message)
                .build();
    }

    @Test
    void thePlanGivesTheRateAndTheShortestRun() {
        assertEquals(4, PLAN.requests());
        assertEquals(40, PLAN.tokensPerSecond(), 1e-9, "2 streams, a token every 50 ms each");
        assertEquals(0.4, PLAN.scheduledSeconds(), 1e-9, "2 x (100 + 2 x 50) ms");
        assertEquals(
                java.time.Duration.ofMillis(10_020 + 2_000),
                PLAN.requestTimeout(),
                "connect timeout for 2 streams + 10 x 200 ms");
    }

    @Test
    void failuresAreCountedByKindWithTheFirstMessage() {
        RequestTally tally = RequestTally.of(List.of(ok(), refused("Too many open files"), ok(), refused("later")));
        assertEquals(2, tally.succeeded());
        assertEquals(2, tally.failed());
        assertEquals(Map.of(ErrorKind.CONNECTION_REFUSED, 2), tally.failedByKind());
        assertEquals("Too many open files", tally.firstMessage().get(ErrorKind.CONNECTION_REFUSED));
        assertEquals(6, tally.tokens(), "the failed requests carried none");
    }

    @Test
    void aCleanRunPasses() {
        LoadResult result = new LoadResult(
                PLAN,
                RequestTally.of(List.of(ok(), ok(), ok(), ok())),
                0.5,
                USAGE,
                1_000_000_000L,
                80,
                20_000,
                512,
                1.5,
                1.75,
                2);
        assertTrue(result.clean());
        String table = LoadTable.render(result);
        assertTrue(table.contains("4 sent, 4 ok, 0 failed"), table);
        assertTrue(table.contains("2.0 s (166666.7 ms per 1000 tokens)"), "2000 ms of CPU over 12 tokens: " + table);
        assertTrue(table.contains("80 (limit 20000)"), table);
        assertTrue(table.contains("512 bytes retained (object layout; generated text not kept)"), table);
        assertTrue(table.contains("PASS"), table);
    }

    @Test
    void anyFailureFailsTheRunAndIsNamed() {
        LoadResult result = new LoadResult(
                PLAN,
                RequestTally.of(List.of(ok(), ok(), ok(), refused("boom"))),
                0.5,
                USAGE,
                -1,
                -1,
                -1,
                Double.NaN,
                1.5,
                1.75,
                2);
        assertFalse(result.clean());
        String table = LoadTable.render(result);
        assertTrue(table.contains("CONNECTION_REFUSED 1 (first: boom)"), table);
        assertTrue(table.contains("FAIL: 1 of 4 requests failed"), table);
        assertTrue(table.contains("unknown (limit unknown)"), table);
    }

    @Test
    void fewerRecordsThanPlannedIsNotClean() {
        LoadResult result = new LoadResult(
                PLAN, RequestTally.of(List.of(ok(), ok(), ok())), 0.5, USAGE, -1, -1, -1, Double.NaN, 0, 0, 2);
        assertFalse(result.clean());
    }
}
