package io.benchsuite.report;

import java.util.Map;

/**
 * A benchmark whose file deserves a warning in the report: it had failed requests, requests that got another
 * output length than asked, or it was interrupted.
 *
 * @param fileName     the raw file
 * @param errors       non-successful requests, timeouts included
 * @param timeouts     timed-out requests
 * @param errorsByKind errors per kind, non-zero counts only
 * @param complete     false when the benchmark was interrupted
 * @param used         false when the validity filter left the file out of the report
 * @param lengthMismatches successful requests flagged {@code output_length_mismatch}
 */
public record BenchmarkIssue(String fileName, int errors, int timeouts, Map<String, Integer> errorsByKind,
        boolean complete, boolean used, int lengthMismatches) {

    public BenchmarkIssue(String fileName, int errors, int timeouts, Map<String, Integer> errorsByKind,
            boolean complete, boolean used) {
        this(fileName, errors, timeouts, errorsByKind, complete, used, 0);
    }

    public BenchmarkIssue {
        errorsByKind = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(errorsByKind));
    }
}
