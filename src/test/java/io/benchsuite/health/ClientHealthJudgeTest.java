package io.benchsuite.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.record.ErrorKind;
import io.benchsuite.record.Outcome;
import io.benchsuite.record.RequestRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientHealthJudgeTest {

    private static final long MS = 1_000_000L;

    /** A request sent at {@code startMs} with tokens at the given instants (ms), ending 1 ms after the last. */
    private static RequestRecord request(int id, long startMs, long... tokenMs) {
        long[] nanos = new long[tokenMs.length];
        int[] tokens = new int[tokenMs.length];
        for (int i = 0; i < tokenMs.length; i++) {
            nanos[i] = tokenMs[i] * MS;
            tokens[i] = 1;
        }
        long end = (tokenMs.length == 0 ? startMs : tokenMs[tokenMs.length - 1]) * MS + MS;
        return RequestRecord.withoutServerDetails(
                id,
                "p",
                tokenMs.length,
                startMs * MS,
                startMs * MS,
                end,
                nanos,
                tokens,
                1,
                tokenMs.length,
                Outcome.SUCCESS,
                ErrorKind.NONE,
                200,
                "",
                null);
    }

    private static ClientHealthJudge.Observations seen(Stall... stalls) {
        return new ClientHealthJudge.Observations(List.of(stalls), 0, 0, 0, 0.4, 0.9, 0.5, 1.25);
    }

    @Test
    void aStallInsideTheTimeToFirstTokenOrAGapAffectsTheRequest() {
        List<RequestRecord> records = List.of(
                request(0, 0, 50, 60, 70), // stall at 20-40 ms: inside its TTFT
                request(1, 0, 10, 15, 45), // inside its gap 15-45
                request(2, 100, 150, 160), // sent after the stall
                request(3, 0, 5, 10)); // last token before the stall began
        ClientHealth health =
                ClientHealthJudge.judge(seen(new Stall(20 * MS, 40 * MS, Stall.Cause.EVENT_LOOP_LAG)), records);

        assertEquals(2, health.requestsAffected());
        assertEquals(4, health.requests());
        assertEquals(ClientHealth.DEGRADED, health.verdict());
        assertTrue(health.reason().startsWith("2 of 4 requests (50.0 %)"), health.reason());
        assertTrue(health.reason().contains("0 GC pauses, 1 event-loop lags; longest 20.0 ms"), health.reason());
    }

    @Test
    void stallsOfFiveMillisecondsOrLessDoNotCount() {
        List<RequestRecord> records = List.of(request(0, 0, 50, 60));
        ClientHealth health = ClientHealthJudge.judge(seen(new Stall(20 * MS, 25 * MS, Stall.Cause.GC_PAUSE)), records);

        assertEquals(0, health.requestsAffected());
        assertEquals(ClientHealth.OK, health.verdict());
        assertEquals("", health.reason());
    }

    @Test
    void onePercentAffectedIsStillOkAndMoreIsDegraded() {
        List<RequestRecord> records = new ArrayList<>();
        records.add(request(0, 0, 50));
        for (int i = 1; i < 100; i++) {
            records.add(request(i, 1000 + i, 1100 + i));
        }
        Stall early = new Stall(10 * MS, 30 * MS, Stall.Cause.GC_PAUSE);
        assertEquals(
                ClientHealth.OK, ClientHealthJudge.judge(seen(early), records).verdict(), "1 of 100");

        records.add(request(100, 0, 40));
        ClientHealth health = ClientHealthJudge.judge(seen(early), records);
        assertEquals(2, health.requestsAffected());
        assertEquals(ClientHealth.DEGRADED, health.verdict(), "2 of 101");
    }

    @Test
    void aRequestWithoutTokensIsAffectedUpToItsEnd() {
        RequestRecord failed = RequestRecord.withoutServerDetails(
                0,
                "p",
                8,
                0,
                0,
                30 * MS,
                new long[0],
                new int[0],
                -1,
                -1,
                Outcome.ERROR,
                ErrorKind.CONNECTION_RESET,
                null,
                "reset",
                null);
        ClientHealth health =
                ClientHealthJudge.judge(seen(new Stall(20 * MS, 40 * MS, Stall.Cause.GC_PAUSE)), List.of(failed));
        assertEquals(1, health.requestsAffected());
    }

    @Test
    void theObservedFiguresAreCopiedRounded() {
        ClientHealth health = ClientHealthJudge.judge(
                new ClientHealthJudge.Observations(List.of(), 3, 12.34567, 7.1, 0.4, 2.5, 0.75, 1.23456), List.of());
        assertEquals(new ClientHealth(3, 12.346, 7.1, 0.4, 2.5, 0.75, 1.235, 0, 0, ClientHealth.OK, ""), health);
    }
}
