package io.benchsuite.stats;

import io.benchsuite.record.ErrorKind;

/**
 * What the service-level objectives read of one request, small enough to keep for every request of a run.
 * Latencies in seconds, the speed in tokens per second.
 *
 * @param counted  false for a request cancelled by the benchmark's end: it is left out of every objective and
 *                 of the goodput, as it was neither served nor refused
 * @param ok       the request succeeded; a failed or timed-out request meets no objective
 * @param ttft     {@code time_to_first_token}
 * @param ttfc     {@code time_to_first_content}; positive infinity when no content arrived
 * @param itl      the request's median inter-token latency: {@code median_time_between_tokens} divided by the
 *                 request's mean tokens per chunk when chunks carried several tokens; 0 with fewer than two
 *                 arrivals
 * @param e2e      {@code total_query_time}, end-to-end latency
 * @param speed    {@code speed_from_beginning}
 */
public record SloSample(boolean counted, boolean ok, double ttft, double ttfc, double itl, double e2e, double speed) {

    /** The sample of one request's statistics. */
    public static SloSample of(QueryStats q) {
        double itl = q.medianTimeBetweenChunks();
        // A chunk that carried k tokens after a gap g stands for k gaps of g / k (the glossary's ITL); the
        // per-chunk counts are not kept in the raw results, so the request's mean tokens per chunk is used.
        if (q.chunkCount() >= 2 && q.responseLength() > q.chunkCount()) {
            itl = itl * q.chunkCount() / q.responseLength();
        }
        return new SloSample(
                q.errorKind() != ErrorKind.CANCELLED,
                q.success(),
                q.timeToFirstToken(),
                q.timeToFirstContent() == null ? Double.POSITIVE_INFINITY : q.timeToFirstContent(),
                itl,
                q.totalQueryTime(),
                q.speedFromBeginning());
    }
}
