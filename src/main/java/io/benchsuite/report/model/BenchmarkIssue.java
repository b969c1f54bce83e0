package io.benchsuite.report.model;

import java.util.Map;

/**
 * A benchmark whose file deserves a warning in the report: it had failed requests, requests that got another
 * output length than asked, it was interrupted, or the client itself stalled while measuring it. It is in doubt
 * when more than its run's {@code max_failed_share} of its requests failed (cancelled ones aside, see
 * {@link io.benchsuite.suite.FailedShare}).
 *
 * @param fileName     the raw file
 * @param errors       non-successful requests, timeouts included
 * @param timeouts     timed-out requests
 * @param errorsByKind errors per kind, non-zero counts only
 * @param complete     false when the benchmark was interrupted
 * @param used         false when the validity filter left the file out of the report
 * @param lengthMismatches successful requests flagged {@code output_length_mismatch}
 * @param clientHealth the client's self-check: {@code ok}, {@code degraded: <reason>}, or {@code -} when the
 *                     file has none
 * @param inDoubt      true when the share of failed requests is above the run's max-failed-share
 */
public record BenchmarkIssue(
        String fileName,
        int errors,
        int timeouts,
        Map<String, Integer> errorsByKind,
        boolean complete,
        boolean used,
        int lengthMismatches,
        String clientHealth,
        boolean inDoubt) {

    public BenchmarkIssue {
        errorsByKind = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(errorsByKind));
    }
}
