package io.benchsuite.report;

import io.benchsuite.report.model.ReportModel;
import java.util.stream.Collectors;

/**
 * {@code thresholds.csv}: per pair, the largest number of parallel requests that still meets the speed
 * threshold and, with server metrics, the largest that keeps the KV cache below its threshold (the original's
 * "largest qualifying" reading). Rows sorted by input then output length, where the original's order varied
 * from run to run. A pair without KV metrics in a report that has them gets an empty cell.
 */
final class ThresholdsCsv {

    static final String HEADER_WITH_KV = "speed_threshold,kv_cache_threshold,input_length,output_length";
    static final String HEADER_WITHOUT_KV = "speed_threshold,input_length,output_length";

    private ThresholdsCsv() {
    }

    static String render(ReportModel model) {
        boolean withKv = model.hasKvMetrics();
        StringBuilder csv = new StringBuilder(withKv ? HEADER_WITH_KV : HEADER_WITHOUT_KV).append('\n');
        csv.append(model.pairs().stream().sorted((a, b) -> a.pair().compareTo(b.pair())).map(pair -> {
            String kv = pair.kvCacheThreshold().map(t -> String.valueOf(t.largestQualifying())).orElse("");
            return pair.speedThreshold().largestQualifying() + (withKv ? "," + kv : "") + ","
                    + pair.pair().inputLength() + "," + pair.pair().outputLength();
        }).map(row -> row + "\n").collect(Collectors.joining()));
        return csv.toString();
    }
}
