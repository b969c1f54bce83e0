package io.benchsuite.results;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One scrape of the server's gauges as written in a raw result, with the original tool's field names
 * ({@code gpu_cache_usage_perc} is a 0-1 fraction whatever the metric it was read from). Missing gauges
 * are null. The timestamp is the epoch time at which the scrape was SENT (the original took it after
 * parsing the answer); the scrape latency is kept so slow scrapes can be told apart.
 *
 * <p>In JSON the three gauges come first, as the original wrote them; fields added later follow in the
 * order declared.
 */
@RegisterForReflection
@JsonPropertyOrder({"num_requests_running", "num_requests_waiting", "gpu_cache_usage_perc", "timestamp"})
public record KvProfileSample(
        @JsonProperty("timestamp") double timestamp,
        @JsonProperty("num_requests_running") Double numRequestsRunning,
        @JsonProperty("num_requests_waiting") Double numRequestsWaiting,
        @JsonProperty("gpu_cache_usage_perc") Double gpuCacheUsagePerc,
        @JsonProperty("scrape_latency") double scrapeLatency) {}
