package io.benchsuite.report;

import java.util.Map;

/**
 * A benchmark whose file deserves a warning in the report: it had failed requests, or it was interrupted.
 * It is in doubt when more than its run's {@code max_failed_share} of its requests failed (cancelled ones
 * aside, see {@link io.benchsuite.suite.FailedShare}).
 *
 * @param fileName     the raw file
 * @param errors       non-successful requests, timeouts included
 * @param timeouts     timed-out requests
 * @param errorsByKind errors per kind, non-zero counts only
 * @param complete     false when the benchmark was interrupted
 * @param used         false when the validity filter left the file out of the report
 * @param inDoubt      true when the share of failed requests is above the run's max-failed-share
 */
public record BenchmarkIssue(String fileName, int errors, int timeouts, Map<String, Integer> errorsByKind,
        boolean complete, boolean used, boolean inDoubt) {

    public BenchmarkIssue(String fileName, int errors, int timeouts, Map<String, Integer> errorsByKind,
            boolean complete, boolean used) {
        this(fileName, errors, timeouts, errorsByKind, complete, used, false);
    }

    public BenchmarkIssue {
        errorsByKind = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(errorsByKind));
    }
}
