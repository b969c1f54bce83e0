package io.benchsuite.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Every server kind's mapping on pages that real servers published: the shared fixtures
 * (src/test/resources/server-output, values from their README) and pages from the servers' own repositories
 * (src/test/resources/server-pages, sources in its README).
 */
class ServerPagesTest {

    static String text(String resource) {
        try (InputStream in = ServerPagesTest.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GaugeReading read(String resource) {
        return new ServerGaugeMapper(Optional.empty()).read(PrometheusTextParser.parse(text(resource)));
    }

    private static MetricsDialect dialect(String resource) {
        return MetricsDialect.of(PrometheusTextParser.parse(text(resource))).orElseThrow();
    }

    private static ServerGauges gauges(Double running, Double waiting, Double kv) {
        return new ServerGauges(of(running), of(waiting), of(kv));
    }

    private static OptionalDouble of(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    private static List<String> noteKeys(GaugeReading reading) {
        return reading.notes().stream().map(MappingNote::key).toList();
    }

    @Test
    void vllmV1ProductionStackPageReadsZerosFromTheOldKvName() {
        GaugeReading reading = read("server-output/vllm-v1-0.8-production-stack-metrics.txt");

        assertEquals(gauges(0.0, 0.0, 0.0), reading.gauges());
        assertEquals(List.of(), reading.notes());
        assertEquals(MetricsDialect.VLLM, dialect("server-output/vllm-v1-0.8-production-stack-metrics.txt"));
    }

    @Test
    void sglangUnderLoadReadsRunningQueueAndTokenUsage() {
        // The fixture is also the example page of SGLang's own docs/references/production_metrics.md.
        GaugeReading reading = read("server-output/sglang-0.4-under-load-metrics.txt");

        assertEquals(gauges(162.0, 2826.0, 0.28), reading.gauges());
        assertEquals(List.of(), reading.notes());
        assertEquals(MetricsDialect.SGLANG, dialect("server-output/sglang-0.4-under-load-metrics.txt"));
    }

    @Test
    void tgiReadsBatchAndQueueAndSaysItHasNoKvUsage() {
        GaugeReading reading = read("server-output/tgi-metrics-exporter-format.txt");

        assertEquals(gauges(0.0, 0.0, null), reading.gauges());
        assertEquals(List.of("absent:KV_CACHE_USAGE"), noteKeys(reading));
        assertEquals(
                "TGI publishes no KV-cache usage: KV-cache usage will be left empty",
                reading.notes().get(0).message());
        assertEquals(MetricsDialect.TGI, dialect("server-output/tgi-metrics-exporter-format.txt"));
    }

    @Test
    void recentLlamaCppReadsRequestGaugesAndHasNoKvGauge() {
        GaugeReading reading = read("server-output/llamacpp-metrics-request-gauges.txt");

        assertEquals(gauges(0.0, 0.0, null), reading.gauges());
        assertEquals(List.of("absent:KV_CACHE_USAGE"), noteKeys(reading));
        assertTrue(reading.notes().get(0).message().startsWith("this llama.cpp build publishes no KV-cache usage"));
    }

    @Test
    void olderLlamaCppBuildReadsItsKvUsageRatio() {
        GaugeReading reading = read("server-pages/llamacpp-ik-llama-pr695-kv-ratio.txt");

        assertEquals(gauges(0.0, 0.0, 0.491063), reading.gauges());
        assertEquals(List.of(), reading.notes());
        assertEquals(MetricsDialect.LLAMACPP, dialect("server-pages/llamacpp-ik-llama-pr695-kv-ratio.txt"));
    }

    @Test
    void tritonTrtLlmReadsScheduledWaitingAndTheKvFraction() {
        GaugeReading reading = read("server-pages/trtllm-triton-readme-waiting-fraction.txt");

        // scheduled 1 (not active 0), waiting 1, fraction 0.4875 (preferred to used/max = 1/6239).
        assertEquals(gauges(1.0, 1.0, 0.4875), reading.gauges());
        assertEquals(List.of(), reading.notes());
        assertEquals(MetricsDialect.TRTLLM, dialect("server-pages/trtllm-triton-readme-waiting-fraction.txt"));
    }

    @Test
    void anOlderTritonTrtLlmPageHasNoWaitingAndGivesKvAsUsedOverMaxBlocks() {
        GaugeReading reading = read("server-pages/trtllm-triton-readme-2024.txt");

        assertEquals(gauges(1.0, null, 1.0 / 6239), reading.gauges());
        assertEquals(List.of("missing:WAITING_REQUESTS"), noteKeys(reading));
        assertEquals(
                "the TensorRT-LLM (Triton) metrics page has no usable"
                        + " nv_trt_llm_request_metrics{request_type=\"waiting\"}: waiting requests will be left empty",
                reading.notes().get(0).message());
    }

    @Test
    void trtLlmKvRatioIsComputedPerModelAndTheFullestWins() {
        MetricsPage page = PrometheusTextParser.parse(
                "nv_trt_llm_kv_cache_block_metrics{kv_cache_block_type=\"used\",model=\"a\",version=\"1\"} 10\n"
                        + "nv_trt_llm_kv_cache_block_metrics{kv_cache_block_type=\"max\",model=\"a\",version=\"1\"} 100\n"
                        + "nv_trt_llm_kv_cache_block_metrics{kv_cache_block_type=\"used\",model=\"b\",version=\"1\"} 30\n"
                        + "nv_trt_llm_kv_cache_block_metrics{kv_cache_block_type=\"max\",model=\"b\",version=\"1\"} 60\n"
                        + "nv_trt_llm_request_metrics{model=\"a\",request_type=\"active\",version=\"1\"} 4\n"
                        + "nv_trt_llm_request_metrics{model=\"b\",request_type=\"active\",version=\"1\"} 3\n");

        GaugeReading reading = new ServerGaugeMapper(Optional.empty()).read(page);

        // No "scheduled": "active" is the fallback, summed over models; KV max(0.1, 0.5).
        assertEquals(gauges(7.0, null, 0.5), reading.gauges());
    }

    @Test
    void rayServeVllmFamiliesAreReadInBothSpellingsAndSummedOverReplicas() {
        MetricsPage colon = PrometheusTextParser.parse(
                "ray_vllm:num_requests_running{ReplicaId=\"r1\",WorkerId=\"w1\",model_name=\"m\"} 2.0\n"
                        + "ray_vllm:num_requests_running{ReplicaId=\"r2\",WorkerId=\"w2\",model_name=\"m\"} 3.0\n"
                        + "ray_vllm:num_requests_waiting{ReplicaId=\"r1\",WorkerId=\"w1\",model_name=\"m\"} 1.0\n"
                        + "ray_vllm:num_requests_waiting{ReplicaId=\"r2\",WorkerId=\"w2\",model_name=\"m\"} 0.0\n"
                        + "ray_vllm:kv_cache_usage_perc{ReplicaId=\"r1\",WorkerId=\"w1\",model_name=\"m\"} 0.25\n"
                        + "ray_vllm:kv_cache_usage_perc{ReplicaId=\"r2\",WorkerId=\"w2\",model_name=\"m\"} 0.75\n");
        MetricsPage underscore = PrometheusTextParser.parse(
                "ray_vllm_num_requests_running{model_name=\"m\"} 4\n"
                        + "ray_vllm_num_requests_waiting{model_name=\"m\"} 5\nray_vllm_gpu_cache_usage_perc{model_name=\"m\"} 0.5\n");

        assertEquals(
                gauges(5.0, 1.0, 0.75),
                new ServerGaugeMapper(Optional.of("m")).read(colon).gauges());
        assertEquals(
                gauges(4.0, 5.0, 0.5),
                new ServerGaugeMapper(Optional.of("m")).read(underscore).gauges());
        assertEquals(MetricsDialect.RAY_VLLM, MetricsDialect.of(colon).orElseThrow());
    }

    @Test
    void aPageOfNoKnownServerGivesNoValuesAndOneNote() {
        GaugeReading reading = new ServerGaugeMapper(Optional.empty())
                .read(PrometheusTextParser.parse("process_cpu_seconds_total 12\npython_info{version=\"3\"} 1\n"));

        assertEquals(ServerGauges.NONE, reading.gauges());
        assertEquals(List.of("unknown-server"), noteKeys(reading));
    }
}
