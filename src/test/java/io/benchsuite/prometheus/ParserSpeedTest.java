package io.benchsuite.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Logs how long a vLLM-sized page takes to parse (the poller may scrape every 10 ms). No timing assertion:
 * the machine is shared, so the number is for the log, and the test only checks the page was read fully.
 */
class ParserSpeedTest {

    private static final Logger LOG = Logger.getLogger(ParserSpeedTest.class);
    private static final String[] HISTOGRAMS = {
        "time_to_first_token_seconds",
        "request_time_per_output_token_seconds",
        "e2e_request_latency_seconds",
        "request_queue_time_seconds",
        "request_inference_time_seconds",
        "request_prefill_time_seconds",
        "request_decode_time_seconds",
        "request_prompt_tokens",
        "request_generation_tokens",
        "iteration_tokens_total",
        "request_max_num_generation_tokens",
        "request_params_max_tokens"
    };
    private static final int BUCKETS = 20;

    /** A V1-shaped page: the fixture plus the many bucketed histograms of two engines that make real pages big. */
    static String largeV1Page() {
        StringBuilder page = new StringBuilder(Fixtures.text(Fixtures.V1));
        for (String histogram : HISTOGRAMS) {
            String name = "vllm:" + histogram;
            page.append("# HELP ")
                    .append(name)
                    .append(" Histogram of ")
                    .append(histogram)
                    .append(".\n");
            page.append("# TYPE ").append(name).append(" histogram\n");
            for (int engine = 0; engine < 2; engine++) {
                String labels = "engine=\"" + engine + "\",model_name=\"llama-8b\"";
                double cumulative = 0;
                for (int bucket = 0; bucket < BUCKETS; bucket++) {
                    cumulative += bucket * 3;
                    String le = bucket == BUCKETS - 1 ? "+Inf" : Double.toString(0.001 * (1 << bucket));
                    page.append(name)
                            .append("_bucket{")
                            .append(labels)
                            .append(",le=\"")
                            .append(le)
                            .append("\"} ")
                            .append(cumulative)
                            .append('\n');
                }
                page.append(name)
                        .append("_count{")
                        .append(labels)
                        .append("} ")
                        .append(cumulative)
                        .append('\n');
                page.append(name)
                        .append("_sum{")
                        .append(labels)
                        .append("} ")
                        .append(cumulative * 0.0173)
                        .append('\n');
            }
        }
        return page.toString();
    }

    @Test
    void logsTheParseTimeOfAFiftyKilobytePage() {
        String page = largeV1Page();
        assertTrue(page.length() >= 50_000, "page is only " + page.length() + " chars");

        MetricsPage parsed = PrometheusTextParser.parse(page);
        assertEquals(List.of(), parsed.warnings());
        for (String histogram : HISTOGRAMS) {
            assertEquals(
                    2 * (BUCKETS + 2),
                    parsed.family("vllm:" + histogram).orElseThrow().samples().size());
        }

        // Let the JIT compile the parser before timing it; bounded by time because the cores are shared.
        long warmUpEnd = System.nanoTime() + 1_500_000_000L;
        int warmUps = 0;
        while (warmUps < 5000 && System.nanoTime() - warmUpEnd < 0) {
            PrometheusTextParser.parse(page);
            warmUps++;
        }
        long[] micros = new long[100];
        for (int i = 0; i < micros.length; i++) {
            long start = System.nanoTime();
            PrometheusTextParser.parse(page);
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        Arrays.sort(micros);
        // The load average says how much the numbers owe to other processes sharing the cores.
        LOG.infof(
                "parse of a %d-char, %d-sample vLLM-shaped page: median %d us, p90 %d us, max %d us"
                        + " after %d warm-up parses (system load average %.1f on %d cores)",
                page.length(),
                parsed.sampleCount(),
                micros[micros.length / 2],
                micros[micros.length * 9 / 10],
                micros[micros.length - 1],
                warmUps,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }
}
