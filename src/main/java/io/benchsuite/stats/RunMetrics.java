package io.benchsuite.stats;

import io.benchsuite.record.ErrorKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The per-run metrics of the original tool, computed from every request of a run.
 * Valid requests (success or timeout) feed the sums and the distributions; every non-success, timeouts
 * included, counts as errored, as in the original.
 */
public record RunMetrics(GeneralMetrics general, AggregatedMetrics aggregated) {

    /**
     * @param queries         every request of the run, valid or not
     * @param peaks           maxima of the live server metrics, or {@link ServerPeaks#UNAVAILABLE}
     * @param actualTotalTime wall time of the run in seconds, measured by the caller
     */
    public static RunMetrics of(List<QueryStats> queries, ServerPeaks peaks, double actualTotalTime) {
        List<QueryStats> valid = queries.stream().filter(QueryStats::isValid).toList();
        return new RunMetrics(general(queries, valid, peaks, actualTotalTime), aggregated(valid));
    }

    private static GeneralMetrics general(
            List<QueryStats> all, List<QueryStats> valid, ServerPeaks peaks, double actualTotalTime) {
        int timeouts = 0;
        int errored = 0;
        Map<ErrorKind, Integer> byKind = new EnumMap<>(ErrorKind.class);
        for (ErrorKind kind : ErrorKind.values()) {
            if (kind != ErrorKind.NONE) {
                byKind.put(kind, 0);
            }
        }
        int mismatches = 0;
        for (QueryStats query : all) {
            if (query.outputLengthMismatch()) {
                mismatches++;
            }
            if (query.timeout()) {
                timeouts++;
            }
            if (!query.success()) {
                errored++;
                byKind.merge(query.errorKind(), 1, Integer::sum);
            }
        }
        double totalTime = 0;
        double fromFirstToken = 0;
        double withoutWaiting = 0;
        long ingested = 0;
        long generated = 0;
        for (QueryStats query : valid) {
            totalTime += query.totalQueryTime();
            fromFirstToken += query.completionTimeFromFirstToken();
            withoutWaiting += query.totalQueryTime() - query.totalWaitingTime();
            ingested += query.promptLength();
            generated += query.responseLength();
        }
        return new GeneralMetrics(
                peaks.maxKvCache(),
                peaks.maxRequestsRunning(),
                peaks.maxRequestsWaiting(),
                all.size(),
                timeouts,
                errored,
                totalTime,
                fromFirstToken,
                withoutWaiting,
                ingested,
                generated,
                Rates.perSecond(generated, totalTime),
                Rates.perSecond(generated, withoutWaiting),
                Rates.perSecond(generated, fromFirstToken),
                actualTotalTime,
                byKind,
                mismatches);
    }

    private static AggregatedMetrics aggregated(List<QueryStats> valid) {
        Map<AggregatedStatistic, DistributionSummary> summaries = new EnumMap<>(AggregatedStatistic.class);
        if (!valid.isEmpty()) {
            for (AggregatedStatistic statistic : AggregatedStatistic.values()) {
                double[] values = valid.stream()
                        .filter(statistic::appliesTo)
                        .mapToDouble(statistic::valueOf)
                        .toArray();
                if (values.length > 0) {
                    summaries.put(statistic, Percentiles.summarize(values));
                }
            }
        }
        return new AggregatedMetrics(summaries);
    }
}
