package io.benchsuite.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.config.Backend;
import io.benchsuite.prometheus.MetricsPage;
import io.benchsuite.prometheus.PrometheusTextParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The start-up line about the KV capacity, on metrics pages of real servers (src/test/resources): vLLM's
 * missing cache_config_info is news, the other servers never publish it and are told about in their own name.
 */
class KvCapacityNoteTest {

    private static MetricsPage page(String resource) throws IOException {
        try (InputStream in = KvCapacityNoteTest.class.getResourceAsStream(resource)) {
            return PrometheusTextParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aVllmPageWithItsCacheConfigNeedsNoLine() throws IOException {
        assertEquals(
                Optional.empty(), ServerSession.kvCapacityNote(Backend.VLLM, page("/prometheus/vllm-0.10-v1.txt")));
        assertEquals(
                Optional.empty(),
                ServerSession.kvCapacityNote(Backend.HAPPY_VLLM, page("/prometheus/vllm-0.8-v0.txt")));
    }

    @Test
    void aVllmPageWithoutItNamesTheMetricAndWhatTheReportLacks() throws IOException {
        String withUsage = ServerSession.kvCapacityNote(
                        Backend.HAPPY_VLLM, page("/server-output/vllm-v1-0.8-production-stack-metrics.txt"))
                .orElseThrow();
        assertTrue(withUsage.contains("no vllm:cache_config_info"), withUsage);
        assertTrue(withUsage.contains("KV capacity only as an estimate"), withUsage);

        String withoutUsage = ServerSession.kvCapacityNote(
                        Backend.VLLM,
                        PrometheusTextParser.parse("vllm:num_requests_running 1\nvllm:num_requests_waiting 0\n"))
                .orElseThrow();
        assertTrue(withoutUsage.contains("no vllm:cache_config_info"), withoutUsage);
        assertTrue(withoutUsage.endsWith("and the KV capacity"), withoutUsage);
    }

    @Test
    void serversWithoutKvUsageGetNoLineTheirUsageWarningSaysIt() throws IOException {
        assertEquals(
                Optional.empty(),
                ServerSession.kvCapacityNote(Backend.TGI, page("/server-output/tgi-metrics-exporter-format.txt")));
        assertEquals(
                Optional.empty(),
                ServerSession.kvCapacityNote(
                        Backend.LLAMACPP, page("/server-output/llamacpp-metrics-request-gauges.txt")));
    }

    @Test
    void otherServersWithKvUsageAreToldTheCapacityIsAnEstimateInTheirOwnName() throws IOException {
        assertNote(Backend.SGLANG, "/server-output/sglang-0.4-under-load-metrics.txt", "SGLang");
        assertNote(Backend.LLAMACPP, "/server-pages/llamacpp-ik-llama-pr695-kv-ratio.txt", "llama.cpp");
        assertNote(Backend.TRTLLM, "/server-pages/trtllm-triton-readme-2024.txt", "TensorRT-LLM (Triton)");
    }

    private static void assertNote(Backend backend, String resource, String server) throws IOException {
        String note = ServerSession.kvCapacityNote(backend, page(resource)).orElseThrow();
        assertEquals(
                "The report's KV capacity will be an estimate from the KV-cache usage on the " + server
                        + " metrics page, which gives no cache size in tokens that bench-suite reads",
                note);
        assertFalse(note.contains("vllm"), note);
    }
}
