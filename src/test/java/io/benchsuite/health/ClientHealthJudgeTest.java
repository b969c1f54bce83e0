package io.benchsuite.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    private static final double US = 0.001;

    private static Stall lag(double fromMs, double toMs) {
        return new Stall((long) (fromMs * MS), (long) (toMs * MS), Stall.Cause.EVENT_LOOP_LAG);
    }

    private static int affected(Stall stall, RequestRecord record) {
        return ClientHealthJudge.judge(seen(stall), List.of(record)).requestsAffected();
    }

    @Test
    void aTokenRead2MillisecondsIntoAn8MillisecondLagIsNotInDoubt() {
        // The lag ran from 20 to 28 ms; the token was read at 22 ms, so its bytes waited at most 2 ms.
        assertEquals(0, affected(lag(20, 28), request(0, 0, 10, 22)));
        assertFalse(ClientHealthJudge.inDoubt(22 * MS, lag(20, 28)));
    }

    @Test
    void aTokenReadAtTheEndOfAn8MillisecondLagIsInDoubt() {
        // Read when the loop came back at 28 ms: its bytes may have arrived at 20 ms and waited 8 ms.
        assertEquals(1, affected(lag(20, 28), request(0, 0, 10, 28, 38)));
        assertTrue(ClientHealthJudge.inDoubt(28 * MS, lag(20, 28)));
    }

    @Test
    void aGapThatSpansAStallButWhoseTokenArrivedAfterItIsNotInDoubt() {
        // Gap 15-35 ms holds the whole 20-28 ms stall, but the token came at 35: read when it came, not late.
        assertEquals(0, affected(lag(20, 28), request(0, 0, 15, 35, 45)));
    }

    @Test
    void aFirstTokenReadAtTheEndOfAStallIsInDoubt() {
        assertEquals(
                1,
                affected(
                        new Stall(20 * MS, 40 * MS, Stall.Cause.GC_PAUSE),
                        request(0, 0, 40, 60, 70))); // time to first token 40 ms, stamped as the pause ended
    }

    @Test
    void theWindowInDoubtRunsFromFiveMillisecondsIntoTheStallToOneMillisecondAfterItsEnd() {
        Stall stall = lag(20, 28);
        assertFalse(ClientHealthJudge.inDoubt(25 * MS, stall), "exactly 5 ms in: at most 5 ms late");
        assertTrue(ClientHealthJudge.inDoubt((long) ((25 + US) * MS), stall));
        assertTrue(ClientHealthJudge.inDoubt(29 * MS, stall), "the end grace");
        assertFalse(ClientHealthJudge.inDoubt((long) ((29 + US) * MS), stall));
        assertFalse(ClientHealthJudge.inDoubt(10 * MS, stall));
    }

    @Test
    void overlappingAndSeparateStallsAreAllSeen() {
        // A GC pause seen also as a lag on a loop, and a later lag on its own.
        ClientHealthJudge.Observations observed =
                seen(new Stall(20 * MS, 40 * MS, Stall.Cause.GC_PAUSE), lag(22, 30), lag(100, 110));
        List<RequestRecord> records = List.of(
                request(0, 0, 26, 50), // 26 ms: 6 ms into the pause
                request(1, 0, 10, 42, 52), // 42 ms: after the pause and its grace
                request(2, 0, 90, 106, 130), // 106 ms: 6 ms into the later lag
                request(3, 0, 90, 104, 130), // 104 ms: 4 ms into it
                request(4, 0, 200, 300)); // after everything
        ClientHealth health = ClientHealthJudge.judge(observed, records);
        assertEquals(2, health.requestsAffected());
    }

    @Test
    void theVerdictAndItsReasonSayWhatWasInDoubt() {
        List<RequestRecord> records = List.of(
                request(0, 0, 40, 50, 60), // first token read at the end of the 20-40 ms lag
                request(1, 0, 10, 15, 30), // token at 30: 10 ms into it
                request(2, 100, 150, 160), // sent after the stall
                request(3, 0, 5, 10)); // last token (and end at 11 ms) before the stall began
        ClientHealth health = ClientHealthJudge.judge(seen(lag(20, 40)), records);

        assertEquals(2, health.requestsAffected());
        assertEquals(4, health.requests());
        assertEquals(ClientHealth.DEGRADED, health.verdict());
        assertTrue(
                health.reason()
                        .startsWith("2 of 4 requests (50.0 %) have a token or their end read more than 5 ms"
                                + " into a client stall"),
                health.reason());
        assertTrue(health.reason().contains("0 GC pauses, 1 event-loop lags; longest 20.0 ms"), health.reason());
    }

    @Test
    void stallsOfFiveMillisecondsOrLessDoNotCount() {
        List<RequestRecord> records = List.of(request(0, 0, 25, 60));
        ClientHealth health = ClientHealthJudge.judge(seen(new Stall(20 * MS, 25 * MS, Stall.Cause.GC_PAUSE)), records);

        assertEquals(0, health.requestsAffected());
        assertEquals(ClientHealth.OK, health.verdict());
        assertEquals("", health.reason());
    }

    @Test
    void onePercentAffectedIsStillOkAndMoreIsDegraded() {
        List<RequestRecord> records = new ArrayList<>();
        records.add(request(0, 0, 30));
        for (int i = 1; i < 100; i++) {
            records.add(request(i, 1000 + i, 1100 + i));
        }
        Stall early = new Stall(10 * MS, 30 * MS, Stall.Cause.GC_PAUSE);
        assertEquals(
                ClientHealth.OK, ClientHealthJudge.judge(seen(early), records).verdict(), "1 of 100");

        records.add(request(100, 0, 20));
        ClientHealth health = ClientHealthJudge.judge(seen(early), records);
        assertEquals(2, health.requestsAffected());
        assertEquals(ClientHealth.DEGRADED, health.verdict(), "2 of 101");
    }

    @Test
    void aRequestWithoutTokensIsJudgedByItsEnd() {
        Stall pause = new Stall(20 * MS, 40 * MS, Stall.Cause.GC_PAUSE);
        assertEquals(
                1, ClientHealthJudge.judge(seen(pause), List.of(failedAt(30))).requestsAffected());
        assertEquals(
                0, ClientHealthJudge.judge(seen(pause), List.of(failedAt(45))).requestsAffected());
    }

    private static RequestRecord failedAt(long endMs) {
        return RequestRecord.withoutServerDetails(
                0,
                "p",
                8,
                0,
                0,
                endMs * MS,
                new long[0],
                new int[0],
                -1,
                -1,
                Outcome.ERROR,
                ErrorKind.CONNECTION_RESET,
                null,
                "reset",
                null);
    }

    @Test
    void theObservedFiguresAreCopiedRounded() {
        ClientHealth health = ClientHealthJudge.judge(
                new ClientHealthJudge.Observations(List.of(), 3, 12.34567, 7.1, 0.4, 2.5, 0.75, 1.23456), List.of());
        assertEquals(new ClientHealth(3, 12.346, 7.1, 0.4, 2.5, 0.75, 1.235, 0, 0, ClientHealth.OK, ""), health);
    }
}
