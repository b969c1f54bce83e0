package io.benchsuite.report;

import io.benchsuite.report.model.LevelReport;
import io.benchsuite.report.model.PairReport;
import io.benchsuite.report.model.ReportModel;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code thresholds.csv}: per pair, the largest number of parallel requests that still meets the speed
 * threshold and, with server metrics, the largest that keeps the KV cache below its threshold (the original's
 * "largest qualifying" reading). Rows sorted by input then output length, where the original's order varied
 * from run to run. A pair without KV metrics in a report that has them gets empty cells.
 *
 * <p>After the original's columns: whether each threshold was measured or lies outside the levels run
 * ({@link ThresholdStatus}), and the levels run, separated by semicolons. A threshold equal to the highest
 * level run reads {@code not_reached}: the limit was not found, only a lower bound.
 *
 * <p>Last, the capacity under the service-level objectives ({@code --slo}): {@code slo_capacity}, the largest
 * level at which every objective holds (0 when none does), and {@code slo_goodput_rps}, the requests per second
 * that met every objective at that level (3 decimals; empty when no level holds). Both are empty when no
 * objective was given or the raw results hold no per-request records.
 */
final class ThresholdsCsv {

    /** The original tool's columns with server metrics (happy_vllm). */
    static final String ORIGINAL_HEADER_WITH_KV = "speed_threshold,kv_cache_threshold,input_length,output_length";
    /** The original tool's columns without server metrics. */
    static final String ORIGINAL_HEADER_WITHOUT_KV = "speed_threshold,input_length,output_length";

    /** The columns of the capacity under the service-level objectives, after every other. */
    static final String SLO_COLUMNS = ",slo_capacity,slo_goodput_rps";

    static final String HEADER_WITH_KV =
            ORIGINAL_HEADER_WITH_KV + ",speed_threshold_status,kv_cache_threshold_status,levels_run" + SLO_COLUMNS;
    static final String HEADER_WITHOUT_KV =
            ORIGINAL_HEADER_WITHOUT_KV + ",speed_threshold_status,levels_run" + SLO_COLUMNS;

    private ThresholdsCsv() {}

    static String render(ReportModel model) {
        boolean withKv = model.hasKvMetrics();
        StringBuilder csv = new StringBuilder(withKv ? HEADER_WITH_KV : HEADER_WITHOUT_KV).append('\n');
        csv.append(model.pairs().stream()
                .sorted((a, b) -> a.pair().compareTo(b.pair()))
                .map(pair -> {
                    List<Integer> levels = keptLevels(pair);
                    String kv = pair.kvCacheThreshold()
                            .map(t -> String.valueOf(t.largestQualifying()))
                            .orElse("");
                    String kvStatus = pair.kvCacheThreshold()
                            .map(t -> ThresholdStatus.of(t, levels).id())
                            .orElse("");
                    return pair.speedThreshold().largestQualifying() + (withKv ? "," + kv : "") + ","
                            + pair.pair().inputLength() + "," + pair.pair().outputLength() + ","
                            + ThresholdStatus.of(pair.speedThreshold(), levels).id() + (withKv ? "," + kvStatus : "")
                            + ","
                            + pair.levelsRun().stream().map(String::valueOf).collect(Collectors.joining(";"))
                            + sloCells(pair);
                })
                .map(row -> row + "\n")
                .collect(Collectors.joining()));
        return csv.toString();
    }

    /** ",capacity,goodput", each empty when not known. */
    static String sloCells(PairReport pair) {
        return pair.slo()
                .map(slo -> "," + slo.capacity().largestQualifying() + ","
                        + (slo.goodputRps().isPresent()
                                ? goodput(slo.goodputRps().getAsDouble())
                                : ""))
                .orElse(",,");
    }

    /** Requests per second with three decimals. */
    static String goodput(double rps) {
        return String.format(java.util.Locale.ROOT, "%.3f", rps);
    }

    /** The levels the thresholds were read from: those kept by the validity filter. */
    static List<Integer> keptLevels(PairReport pair) {
        return pair.levels().stream().map(LevelReport::parallelRequests).toList();
    }
}
