package io.benchsuite.suite;

import io.benchsuite.record.ErrorKind;
import io.benchsuite.stats.GeneralMetrics;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rule that puts a benchmark in doubt: more than {@code max-failed-share} (0-1) of its requests failed.
 * Failed means every error kind, timeouts included, except {@link ErrorKind#CANCELLED}: a request cut
 * because the benchmark's time was up (or by Ctrl-C) says nothing about the server. Pure.
 *
 * @param failed     requests that failed, cancelled ones left out
 * @param total      requests of the benchmark
 * @param maxShare   the setting, 0-1
 * @param byKind     failed requests per error kind, cancelled ones left out
 */
public record FailedShare(int failed, int total, double maxShare, Map<ErrorKind, Integer> byKind) {

    public static FailedShare of(GeneralMetrics general, double maxShare) {
        Map<ErrorKind, Integer> byKind = general.errorsByKind().entrySet().stream()
                .filter(e -> e.getKey() != ErrorKind.CANCELLED && e.getKey() != ErrorKind.NONE && e.getValue() > 0)
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        Map.Entry::getValue,
                        Integer::sum,
                        () -> new java.util.EnumMap<>(ErrorKind.class)));
        int failed = byKind.values().stream().mapToInt(Integer::intValue).sum();
        return new FailedShare(failed, general.totalNumberOfQueries(), maxShare, byKind);
    }

    /** failed / total, 0 without requests. */
    public double share() {
        return total == 0 ? 0 : (double) failed / total;
    }

    public boolean exceeded() {
        return share() > maxShare;
    }

    /**
     * When exceeded, e.g. "30 of 100 requests failed (30 %, above max-failed-share 0.1): HTTP_STATUS 20,
     * CONNECTION_RESET 10; its numbers are in doubt".
     */
    public Optional<String> warning() {
        if (!exceeded()) {
            return Optional.empty();
        }
        String kinds = byKind.entrySet().stream()
                .map(e -> e.getKey().name() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return Optional.of(String.format(
                java.util.Locale.ROOT,
                "%d of %d requests failed (%.0f %%, above max-failed-share %s): %s; its numbers are in doubt",
                failed,
                total,
                share() * 100,
                maxShare,
                kinds));
    }
}
