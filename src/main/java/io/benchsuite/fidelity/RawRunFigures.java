package io.benchsuite.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import io.benchsuite.health.ClientHealth;

/**
 * The fidelity figures of one {@code bench-suite run}, read from the raw result it wrote. Pure: JSON in,
 * numbers out.
 *
 * <p>The TTFT error of a request is its {@code time_to_first_token} minus the scheduled first-token delay; the
 * inter-token errors are the differences of consecutive {@code timestamp_of_tokens_arrival} minus the
 * scheduled interval (epoch seconds as doubles: about 0.2 us of resolution today, far below what is
 * measured). Requests in {@code errored_queries} count as failed and are left out of the errors.
 *
 * @param timing            the errors against the schedule, over the requests of {@code individual_query}
 * @param clientHealth      the result's {@code client_health}
 * @param scrapesPerSecond  metrics samples ({@code kv_cache_profile}) per second between the first request's start
 *                          and the last one's end: about 100 when the poller keeps its 10 ms step
 * @param benchmarkCpuNanos the client's CPU time over the measured benchmark ({@code client_cpu_seconds}),
 *                          -1 when unknown: start-up and warm-up excluded, so it compares with the bare
 *                          reader's CPU over its own exchange
 */
record RawRunFigures(TimingErrors timing, ClientHealth clientHealth, double scrapesPerSecond, long benchmarkCpuNanos) {

    static RawRunFigures of(JsonNode raw, double firstTokenMs, double interTokenMs) {
        JsonNode queries = raw.path("individual_query");
        if (!queries.isArray()) {
            throw new IllegalArgumentException("the raw result has no individual_query (run without --query-metrics?)");
        }
        int pairs = 0;
        long events = 0;
        for (JsonNode q : queries) {
            int arrivals = q.path("timestamp_of_tokens_arrival").size();
            events += arrivals;
            pairs += Math.max(0, arrivals - 1);
        }
        double[] ttft = new double[queries.size()];
        double[] gaps = new double[pairs];
        int t = 0;
        int g = 0;
        int bursts = 0;
        double first = Double.MAX_VALUE;
        double last = -Double.MAX_VALUE;
        for (JsonNode q : queries) {
            first = Math.min(first, q.path("starting_timestamp").asDouble());
            last = Math.max(last, q.path("ending_timestamp").asDouble());
            ttft[t++] = q.path("time_to_first_token").asDouble() * 1000 - firstTokenMs;
            JsonNode arrivals = q.path("timestamp_of_tokens_arrival");
            for (int k = 1; k < arrivals.size(); k++) {
                double delta = (arrivals.get(k).asDouble() - arrivals.get(k - 1).asDouble()) * 1000;
                if (delta < interTokenMs / 4) {
                    bursts++;
                }
                gaps[g++] = delta - interTokenMs;
            }
        }
        JsonNode errored = raw.path("errored_queries");
        for (JsonNode q : errored) {
            events += q.path("timestamp_of_tokens_arrival").size();
        }
        TimingErrors timing = new TimingErrors(
                ErrorStats.of(ttft),
                ErrorStats.of(gaps),
                pairs == 0 ? 0 : (double) bursts / pairs,
                events,
                errored.size());
        JsonNode h = raw.path("client_health");
        ClientHealth health = new ClientHealth(
                h.path("gc_pause_count").asInt(),
                h.path("gc_pause_total_ms").asDouble(),
                h.path("gc_pause_max_ms").asDouble(),
                h.path("event_loop_lag_p99_ms").asDouble(),
                h.path("event_loop_lag_max_ms").asDouble(),
                h.path("cpu_load_max").asDouble(-1),
                h.path("client_cpu_seconds").asDouble(-1),
                h.path("requests_affected").asInt(),
                h.path("requests").asInt(),
                h.path("verdict").asText("unknown"),
                h.path("reason").asText(""));
        double cpuSeconds = health.clientCpuSeconds();
        return new RawRunFigures(
                timing,
                health,
                scrapesPerSecond(raw.path("kv_cache_profile"), first, last),
                cpuSeconds < 0 ? -1 : Math.round(cpuSeconds * 1e9));
    }

    private static double scrapesPerSecond(JsonNode samples, double first, double last) {
        if (!(last > first)) {
            return 0;
        }
        int within = 0;
        for (JsonNode s : samples) {
            double at = s.path("timestamp").asDouble();
            if (at >= first && at <= last) {
                within++;
            }
        }
        return within / (last - first);
    }
}
