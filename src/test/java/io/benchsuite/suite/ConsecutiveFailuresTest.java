package io.benchsuite.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.record.ErrorKind;
import io.benchsuite.record.RequestRecord;
import io.benchsuite.record.TestRecords;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsecutiveFailuresTest {

    private static final RequestRecord OK =
            TestRecords.request().endMs(30).chunksMs(10, 20).build();
    private static final RequestRecord REFUSED = TestRecords.request()
            .failed(ErrorKind.CONNECTION_REFUSED, null, "Connection refused: /127.0.0.1:9")
            .build();
    private static final RequestRecord RESET = TestRecords.request()
            .failed(ErrorKind.CONNECTION_RESET, null, "Connection reset")
            .build();

    private static RequestRecord status(int code) {
        return TestRecords.request()
                .failed(ErrorKind.HTTP_STATUS, code, "HTTP " + code + ": down")
                .build();
    }

    private static RequestRecord failed(ErrorKind kind) {
        return TestRecords.request().failed(kind, null, kind.name()).build();
    }

    @Test
    void reportsTheStreakOnTheRequestThatReachesTheLimitAndOnlyThen() {
        ConsecutiveFailures failures = new ConsecutiveFailures(3);
        assertEquals(Optional.empty(), failures.record(REFUSED));
        assertEquals(Optional.empty(), failures.record(RESET));
        Optional<ConsecutiveFailures.Streak> streak = failures.record(REFUSED);
        assertEquals(
                Optional.of(new ConsecutiveFailures.Streak(
                        3, ErrorKind.CONNECTION_REFUSED, "Connection refused: /127.0.0.1:9")),
                streak);
        assertEquals(
                "3 requests in a row failed (max-consecutive-failures), the last with CONNECTION_REFUSED "
                        + "(Connection refused: /127.0.0.1:9)",
                streak.get().describe());
        assertTrue(failures.reached());
        // Reported once: the run is already stopping, the requests still completing must not stop it again.
        assertEquals(Optional.empty(), failures.record(REFUSED));
        assertEquals(4, failures.count());
    }

    @Test
    void aSuccessResetsTheCount() {
        ConsecutiveFailures failures = new ConsecutiveFailures(3);
        failures.record(REFUSED);
        failures.record(REFUSED);
        failures.record(OK);
        assertEquals(0, failures.count());
        failures.record(REFUSED);
        assertEquals(Optional.empty(), failures.record(REFUSED), "two in a row after the success, not four");
        assertTrue(failures.record(RESET).isPresent());
    }

    @Test
    void gatewayStatusesCountOtherAnswersNeitherCountNorReset() {
        ConsecutiveFailures failures = new ConsecutiveFailures(10);
        failures.record(status(502));
        failures.record(status(503));
        failures.record(status(504));
        assertEquals(3, failures.count());
        for (RequestRecord other : new RequestRecord[] {
            status(500),
            status(429),
            status(400),
            failed(ErrorKind.TIMEOUT),
            failed(ErrorKind.CANCELLED),
            failed(ErrorKind.STREAM_TRUNCATED),
            failed(ErrorKind.STREAM_ERROR_EVENT),
            failed(ErrorKind.MALFORMED_CHUNK),
            failed(ErrorKind.OTHER)
        }) {
            assertFalse(ConsecutiveFailures.isUnreachable(other), other.errorKind() + " " + other.httpStatus());
            failures.record(other);
        }
        assertEquals(3, failures.count(), "an answer that is not a success does not break the streak either");
    }

    @Test
    void zeroNeverStops() {
        ConsecutiveFailures failures = new ConsecutiveFailures(ConsecutiveFailures.NEVER);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(Optional.empty(), failures.record(REFUSED));
        }
        assertEquals(10_000, failures.count());
        assertFalse(failures.reached());
    }

    @Test
    void aLimitOfOneStopsOnTheFirstFailure() {
        ConsecutiveFailures failures = new ConsecutiveFailures(1);
        assertEquals(
                Optional.of(new ConsecutiveFailures.Streak(1, ErrorKind.HTTP_STATUS, "HTTP 503: down")),
                failures.record(status(503)));
    }

    @Test
    void aNegativeLimitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ConsecutiveFailures(-1));
    }
}
