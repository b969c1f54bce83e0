package io.benchsuite.results;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scrape of the server's gauges as written in a raw result, with the original tool's field names
 * ({@code gpu_cache_usage_perc} is a 0-1 fraction whatever the metric it was read from). Missing gauges
 * are null. The timestamp is the epoch time at which the scrape was SENT (the original took it after
 * parsing the answer); the scrape latency is kept so slow scrapes can be told apart.
 */
public record KvProfileSample(double timestamp, Double numRequestsRunning, Double numRequestsWaiting,
        Double gpuCacheUsagePerc, double scrapeLatency) {

    public Map<String, Object> toOrderedMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("num_requests_running", numRequestsRunning);
        map.put("num_requests_waiting", numRequestsWaiting);
        map.put("gpu_cache_usage_perc", gpuCacheUsagePerc);
        map.put("timestamp", timestamp);
        map.put("scrape_latency", scrapeLatency);
        return map;
    }
}
