package io.benchsuite.suite;

import io.benchsuite.config.Backend;

/**
 * The backend a run uses and how it was chosen.
 *
 * @param asked    the backend setting as given (AUTO by default)
 * @param backend  the backend used: the one asked for, or the one found by probing when AUTO was asked
 * @param evidence what decided it, one short clause for the log line (e.g. "GET /version answered 0.8.2")
 */
public record DetectedBackend(Backend asked, Backend backend, String evidence) {

    /** An explicit backend: no probing, it always wins. */
    public static DetectedBackend asked(Backend backend) {
        return new DetectedBackend(backend, backend, "as set");
    }
}
