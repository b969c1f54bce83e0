package io.benchsuite.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/** One statistic of {@code aggregated_metrics}: its mean, median and eight percentiles. */
public record DistributionSummary(
        double mean,
        double median,
        double percentile1,
        double percentile5,
        double percentile10,
        double percentile25,
        double percentile75,
        double percentile90,
        double percentile95,
        double percentile99) {

    /** The original tool's JSON keys, in its order. */
    public Map<String, Object> toOrderedMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("mean", mean);
        map.put("median", median);
        map.put("percentile_1", percentile1);
        map.put("percentile_5", percentile5);
        map.put("percentile_10", percentile10);
        map.put("percentile_25", percentile25);
        map.put("percentile_75", percentile75);
        map.put("percentile_90", percentile90);
        map.put("percentile_95", percentile95);
        map.put("percentile_99", percentile99);
        return map;
    }
}
