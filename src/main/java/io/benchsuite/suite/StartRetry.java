package io.benchsuite.suite;

import io.benchsuite.record.ErrorKind;
import io.benchsuite.record.RequestRecord;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Retries the requests that start a run (the first probe request and each benchmark's warm-up), so that a
 * flaky server does not end a run before it began: up to 3 more tries, after 1, 2 and 4 s, or after the
 * server's {@code Retry-After} (capped at 30 s) when it sent one, while the failure is transient: a reset or
 * dropped connection ({@code CONNECTION_RESET}, {@code STREAM_TRUNCATED}), HTTP 5xx or 429. Any other outcome
 * (success, 404, 400, a refused connection, a timeout) is returned at once for the caller to judge, so a wrong
 * endpoint or model, or a server that is not there, still stops the run at once with its own message.
 *
 * <p>The waiting goes through a {@link Sleeper}, so tests check the backoff without sleeping.
 */
public final class StartRetry {

    private static final Logger LOG = Logger.getLogger(StartRetry.class);

    /** The waits before the 1st, 2nd and 3rd retry. */
    static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    /** The longest Retry-After obeyed. */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

    /** Waits; {@link Thread#sleep} in production. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());
    }

    private final Sleeper sleeper;

    public StartRetry(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    /**
     * Sends with {@code attempt} until it gives a record that is not a transient failure, or the retries are
     * used up; returns the last record.
     *
     * @param what names the request in the log, e.g. "the warm-up request"
     */
    public RequestRecord send(Supplier<RequestRecord> attempt, String what) throws InterruptedException {
        RequestRecord record = attempt.get();
        for (int retry = 0; retry < BACKOFF.size() && isTransient(record); retry++) {
            Duration wait = delay(record, retry);
            LOG.warnf(
                    "%s failed (%s: %s); trying again in %.0f s (%d of %d)",
                    what,
                    record.errorKind(),
                    record.errorMessage(),
                    wait.toMillis() / 1000.0,
                    retry + 1,
                    BACKOFF.size());
            sleeper.sleep(wait);
            record = attempt.get();
        }
        return record;
    }

    /** Worth another try: the server is there but dropped this one request, or said to come back later. */
    static boolean isTransient(RequestRecord record) {
        return switch (record.errorKind()) {
            case CONNECTION_RESET, STREAM_TRUNCATED -> true;
            case HTTP_STATUS -> record.httpStatus() >= 500 || record.httpStatus() == 429;
            default -> false;
        };
    }

    /** The server's Retry-After (at most 30 s) when it sent one, else the backoff of this retry. */
    static Duration delay(RequestRecord record, int retry) {
        if (record.errorKind() == ErrorKind.HTTP_STATUS && record.retryAfterSeconds() >= 0) {
            Duration asked = Duration.ofSeconds(record.retryAfterSeconds());
            return asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
        }
        return BACKOFF.get(retry);
    }
}
