package io.benchsuite.suite;

import io.benchsuite.record.ErrorKind;
import io.benchsuite.record.Outcome;
import io.benchsuite.record.RequestRecord;
import java.util.Optional;

/**
 * Counts requests that failed in a row because the server could not be reached, over a whole run (every
 * benchmark of a suite feeds the same counter), and says when the count reaches max-consecutive-failures.
 * Pure: it only sees records, in the order they completed. Thread-safe, since records complete on the
 * client's event-loop threads.
 *
 * <p>Counted: {@link ErrorKind#CONNECTION_REFUSED} (nothing listens, or the connection could not be made in
 * time), {@link ErrorKind#CONNECTION_RESET} (the server went away mid-request) and HTTP 502, 503 and 504
 * (what a gateway or load balancer answers for a server behind it that is down or restarting). A success
 * resets the count. Every other failure leaves it as it is: a 400, 429 or 500, a timeout, a truncated or
 * malformed stream, an error event are answers of a server that is up (possibly overloaded, which is what a
 * benchmark measures), and a cancelled request is the run's own doing.
 */
public final class ConsecutiveFailures {

    /** The limit that never stops a run. */
    public static final int NEVER = 0;

    private final int limit;
    private int count;
    private ErrorKind lastKind;
    private String lastMessage;
    private boolean reached;

    /** @param limit failures in a row that end the run, or {@link #NEVER} */
    public ConsecutiveFailures(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 (never) or more, was " + limit);
        }
        this.limit = limit;
    }

    /** Whether a record says the server was not reachable (see the class comment for the list). */
    public static boolean isUnreachable(RequestRecord record) {
        return switch (record.errorKind()) {
            case CONNECTION_REFUSED, CONNECTION_RESET -> true;
            case HTTP_STATUS ->
                record.httpStatus() != null
                        && (record.httpStatus() == 502 || record.httpStatus() == 503 || record.httpStatus() == 504);
            default -> false;
        };
    }

    /**
     * Takes the next completed request into account.
     *
     * @return the streak, once only: on the record that brings the count to the limit
     */
    public synchronized Optional<Streak> record(RequestRecord record) {
        if (record.outcome() == Outcome.SUCCESS) {
            count = 0;
            return Optional.empty();
        }
        if (!isUnreachable(record)) {
            return Optional.empty();
        }
        count++;
        lastKind = record.errorKind();
        lastMessage = record.errorMessage();
        if (limit == NEVER || reached || count < limit) {
            return Optional.empty();
        }
        reached = true;
        return Optional.of(new Streak(count, lastKind, lastMessage));
    }

    /** The failures in a row so far (0 after a success). */
    public synchronized int count() {
        return count;
    }

    public synchronized boolean reached() {
        return reached;
    }

    /** Failures in a row and the last of them, which tells the user what happened to the server. */
    public record Streak(int count, ErrorKind lastKind, String lastMessage) {

        /**
         * e.g. "100 requests in a row failed (max-consecutive-failures), the last with CONNECTION_REFUSED
         * (Connection refused: ...)"; the count is the limit, as the streak is reported when it reaches it.
         */
        public String describe() {
            return count + " requests in a row failed (max-consecutive-failures), the last with " + lastKind
                    + (lastMessage.isEmpty() ? "" : " (" + lastMessage + ")");
        }
    }
}
