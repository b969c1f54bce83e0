package io.benchsuite.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/** One point of the total-speed curve: aggregate tokens per second at one level. */
public record TotalSpeedPoint(int parallelRequests, double totalTime, double actualTotalTime, long generatedTokens,
        double speed) {

    /** The original data file's keys, in its order. */
    public Map<String, Object> toOrderedMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("nb_parallel_requests", parallelRequests);
        map.put("total_time", totalTime);
        map.put("actual_total_time", actualTotalTime);
        map.put("total_number_of_generated_tokens", generatedTokens);
        map.put("speed", speed);
        return map;
    }
}
