package io.benchsuite.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.benchsuite.record.ErrorKind;
import io.benchsuite.record.Outcome;
import io.benchsuite.record.RequestRecord;
import io.benchsuite.record.StreamDetails;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The start's retries, with a sleeper that records the waits instead of sleeping. */
class StartRetryTest {

    private final List<Duration> waits = new ArrayList<>();
    private final StartRetry retry = new StartRetry(waits::add);

    private static RequestRecord record(ErrorKind kind, Integer status, int retryAfter) {
        return new RequestRecord(
                -1,
                "Hey",
                1,
                0,
                0,
                1,
                new long[0],
                new int[0],
                -1,
                -1,
                kind.outcome(),
                kind,
                status,
                kind == ErrorKind.NONE ? "" : "failed",
                null,
                StreamDetails.NONE,
                -1,
                retryAfter);
    }

    private RequestRecord run(RequestRecord... answers) throws InterruptedException {
        Deque<RequestRecord> queue = new ArrayDeque<>(List.of(answers));
        return retry.send(queue::removeFirst, "the warm-up request");
    }

    @Test
    void transientFailuresAreRetriedAfter1Then2Then4Seconds() throws InterruptedException {
        RequestRecord ok = record(ErrorKind.NONE, 200, -1);
        RequestRecord last = run(
                record(ErrorKind.CONNECTION_RESET, null, -1),
                record(ErrorKind.HTTP_STATUS, 500, -1),
                record(ErrorKind.STREAM_TRUNCATED, 200, -1),
                ok);
        assertSame(ok, last);
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), waits);
    }

    @Test
    void afterThreeRetriesTheLastFailureIsReturned() throws InterruptedException {
        RequestRecord fourth = record(ErrorKind.HTTP_STATUS, 503, -1);
        RequestRecord last = run(
                record(ErrorKind.HTTP_STATUS, 500, -1),
                record(ErrorKind.HTTP_STATUS, 502, -1),
                record(ErrorKind.HTTP_STATUS, 429, -1),
                fourth,
                record(ErrorKind.NONE, 200, -1));
        assertSame(fourth, last);
        assertEquals(3, waits.size());
    }

    @Test
    void retryAfterIsObeyedUpTo30Seconds() throws InterruptedException {
        run(
                record(ErrorKind.HTTP_STATUS, 429, 7),
                record(ErrorKind.HTTP_STATUS, 503, 120),
                record(ErrorKind.NONE, 200, -1));
        assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(30)), waits);
    }

    @Test
    void wrongEndpointRefusedConnectionBadRequestAndTimeoutStopAtOnce() throws InterruptedException {
        for (RequestRecord fatal : List.of(
                record(ErrorKind.HTTP_STATUS, 404, -1),
                record(ErrorKind.HTTP_STATUS, 400, -1),
                record(ErrorKind.CONNECTION_REFUSED, null, -1),
                record(ErrorKind.HTTP_STATUS, 401, -1),
                RequestRecord.withoutServerDetails(
                        -1,
                        "Hey",
                        1,
                        0,
                        0,
                        1,
                        new long[0],
                        new int[0],
                        -1,
                        -1,
                        Outcome.TIMEOUT,
                        ErrorKind.TIMEOUT,
                        null,
                        "timeout",
                        null))) {
            assertSame(fatal, run(fatal, record(ErrorKind.NONE, 200, -1)));
        }
        assertEquals(List.of(), waits);
    }
}
