package io.benchsuite.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The engine model seen from outside: queueing, KV usage and prefill time, through HTTP and /metrics. */
class SimulatorEngineBehaviourTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static double gauge(RunningSimulator simulator, String family) throws Exception {
        String text = HTTP.send(
                        HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = Pattern.compile("^" + Pattern.quote(family) + "\\{[^}]*} (\\S+)$", Pattern.MULTILINE)
                .matcher(text);
        assertTrue(m.find(), family + " missing");
        return Double.parseDouble(m.group(1));
    }

    private static String body(int promptTokens, int outputTokens) {
        return "{\"prompt\":\"" + SseTestClient.promptOfTokens(promptTokens) + "\",\"max_tokens\":" + outputTokens
                + ",\"ignore_eos\":true,\"stream\":true,\"stream_options\":{\"include_usage\":true}}";
    }

    @Test
    void requestsBeyondMaxNumSeqsWaitAndTheQueueDrains() throws Exception {
        // batch of 4; 10 requests of 40 tokens at 2 + 0.5 x 4 = 4 ms per step: three waves of about 160 ms
        try (RunningSimulator simulator = Simulator.start(SimulatorConfig.fast(), "127.0.0.1", 0)) {
            ExecutorService clients = Executors.newFixedThreadPool(10);
            try {
                List<Future<SseTestClient.Result>> results = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    results.add(clients.submit(
                            () -> SseTestClient.post(simulator.baseUrl() + "/v1/completions", body(20, 40))));
                }
                double maxWaiting = 0;
                double maxRunning = 0;
                while (!results.stream().allMatch(Future::isDone)) {
                    maxWaiting = Math.max(maxWaiting, gauge(simulator, "vllm:num_requests_waiting"));
                    maxRunning = Math.max(maxRunning, gauge(simulator, "vllm:num_requests_running"));
                    Thread.sleep(5);
                }
                for (Future<SseTestClient.Result> result : results) {
                    List<io.vertx.core.json.JsonObject> chunks = result.get().chunks();
                    assertEquals(
                            40,
                            chunks.get(chunks.size() - 1).getJsonObject("usage").getInteger("completion_tokens"));
                }
                assertTrue(maxWaiting > 0, "some requests waited");
                assertEquals(4.0, maxRunning, "the batch filled up to max-num-seqs and no further");
                assertEquals(0.0, gauge(simulator, "vllm:num_requests_waiting"));
                assertEquals(0.0, gauge(simulator, "vllm:num_requests_running"));
                assertEquals(10.0 * 40, gauge(simulator, "vllm:generation_tokens_total"));
            } finally {
                clients.shutdownNow();
            }
        }
    }

    @Test
    void kvUsageRisesWithTokensHeldAndIsFreedAfter() throws Exception {
        // one request, 400-token prompt + 100 generated, 5.5 ms per step: holds ceil(401/16) = 26 blocks at
        // first and ceil(500/16) = 32 at the end, of 128
        SimulatorConfig config = SimulatorConfig.fast().withStepBaseMs(5);
        try (RunningSimulator simulator = Simulator.start(config, "127.0.0.1", 0)) {
            ExecutorService client = Executors.newSingleThreadExecutor();
            try {
                Future<SseTestClient.Result> result = client.submit(
                        () -> SseTestClient.post(simulator.baseUrl() + "/v1/completions", body(400, 100)));
                List<Double> usage = new ArrayList<>();
                while (!result.isDone()) {
                    double kv = gauge(simulator, "vllm:kv_cache_usage_perc");
                    if (kv > 0) {
                        usage.add(kv);
                    }
                    Thread.sleep(10);
                }
                result.get();
                assertTrue(usage.size() >= 3, "sampled while running: " + usage);
                assertTrue(usage.get(0) >= 26 / 128.0 && usage.get(0) <= 32 / 128.0, "first " + usage);
                double last = usage.get(usage.size() - 1);
                assertTrue(last > usage.get(0) && last <= 32 / 128.0, "grew with generated tokens: " + usage);
                assertEquals(0.0, gauge(simulator, "vllm:kv_cache_usage_perc"));
                assertEquals(0.0, gauge(simulator, "vllm:gpu_cache_usage_perc"));
            } finally {
                client.shutdownNow();
            }
        }
    }

    /**
     * 20 vs 1,000 prompt tokens at 10,000 tokens/s: the first token of the long prompt should come 98 ms
     * later. Each length is measured five times, alternating, and the fastest of each are compared: load on
     * the machine only ever adds delay, so minima are the steadiest estimate.
     */
    @Test
    void timeToFirstTokenGrowsWithPromptLengthAtThePrefillSpeed() throws Exception {
        SimulatorConfig config = SimulatorConfig.fast().withPrefillTokensPerSecond(10_000);
        try (RunningSimulator simulator = Simulator.start(config, "127.0.0.1", 0)) {
            String url = simulator.baseUrl() + "/v1/completions";
            SseTestClient.post(url, body(20, 2)); // warm-up: class loading and JIT on both sides
            double[] shortTtft = new double[5];
            double[] longTtft = new double[5];
            for (int i = 0; i < 5; i++) {
                shortTtft[i] = SseTestClient.post(url, body(20, 2)).firstTokenMillis();
                longTtft[i] = SseTestClient.post(url, body(1000, 2)).firstTokenMillis();
            }
            double difference = min(longTtft) - min(shortTtft);
            String measured = "difference " + difference + " ms; short " + Arrays.toString(shortTtft) + " long "
                    + Arrays.toString(longTtft);
            assertTrue(difference >= 98.0 - TOLERANCE_BELOW_MS && difference <= 98.0 + TOLERANCE_ABOVE_MS, measured);
        }
    }

    /*
     * Measured on the shared 2-core machine at load average 8-16 (other builds running), eight runs: the
     * difference of minima was 97.4, 98.3, 99.0, 99.8, 100.7, 100.7, 101.0, 102.8 ms, while medians reached
     * 120.8 ms in a loaded run. The long body also costs its upload and tokenization, and load only adds
     * delay, so the band is asymmetric: -5 / +20 ms.
     */
    private static final double TOLERANCE_BELOW_MS = 5;
    private static final double TOLERANCE_ABOVE_MS = 20;

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }
}
