package io.benchsuite.report.model;

import java.util.Map;

/**
 * A benchmark whose file deserves a warning in the report: it had failed requests, or it was interrupted.
 *
 * @param fileName     the raw file
 * @param errors       non-successful requests, timeouts included
 * @param timeouts     timed-out requests
 * @param errorsByKind errors per kind, non-zero counts only
 * @param complete     false when the benchmark was interrupted
 * @param used         false when the validity filter left the file out of the report
 */
public record BenchmarkIssue(String fileName, int errors, int timeouts, Map<String, Integer> errorsByKind,
        boolean complete, boolean used) {

    public BenchmarkIssue {
        errorsByKind = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(errorsByKind));
    }
}
