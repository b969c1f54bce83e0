package io.benchsuite.suite;

import com.fasterxml.jackson.databind.JsonNode;
import io.benchsuite.config.Backend;
import io.benchsuite.tls.TlsTrust;
import java.util.Optional;

/**
 * The backend a run uses, how it was chosen, and what reaching the server for it already established, so that
 * opening the session does not do it again.
 *
 * @param asked    the backend setting as given (AUTO by default)
 * @param backend  the backend used: the one asked for, or the one found by probing when AUTO was asked
 * @param evidence what decided it, one short clause for the log line (e.g. "GET /version answered 0.8.2")
 * @param tls      the run's TLS trust, read once from the settings (the ca-cert file is read here only) and
 *                 used by every client of the run, the probes' included
 * @param info     happy_vllm's info document when the probing read it (the backend found is happy_vllm);
 *                 empty otherwise, and the discovery then fetches it
 */
public record DetectedBackend(Backend asked, Backend backend, String evidence, TlsTrust tls, Optional<JsonNode> info) {

    /** An explicit backend: no probing, it always wins. */
    public static DetectedBackend asked(Backend backend, TlsTrust tls) {
        return new DetectedBackend(backend, backend, "as set", tls, Optional.empty());
    }
}
