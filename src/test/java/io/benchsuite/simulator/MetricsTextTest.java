package io.benchsuite.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTextTest {

    private static EngineMetrics.Snapshot engine(int running, int waiting, double kv, double... ttfts) {
        EngineMetrics metrics = new EngineMetrics();
        metrics.gauges(running, waiting, kv, 0);
        for (double ttft : ttfts) {
            metrics.firstToken(10, ttft);
        }
        return metrics.snapshot();
    }

    @Test
    void oneEngineHasNoEngineLabelAndCumulativeBuckets() {
        String text = MetricsText.render(
                SimulatorConfig.fast().withKvMetric(KvMetricFlavour.KV), List.of(engine(3, 2, 0.25, 0.003, 0.05, 30)));
        assertTrue(text.contains("# TYPE vllm:num_requests_running gauge\n"
                + "vllm:num_requests_running{model_name=\"sim-model\"} 3.0\n"));
        assertTrue(text.contains("vllm:num_requests_waiting{model_name=\"sim-model\"} 2.0\n"));
        assertTrue(text.contains("vllm:kv_cache_usage_perc{model_name=\"sim-model\"} 0.25\n"));
        assertFalse(text.contains("gpu_cache_usage_perc"));
        assertFalse(text.contains("time_per_output_token_seconds"));
        assertTrue(text.contains("vllm:inter_token_latency_seconds_count"));
        // 0.003 <= 0.005, 0.05 <= 0.06, 30 <= 40: cumulative counts
        assertTrue(
                text.contains("vllm:time_to_first_token_seconds_bucket{model_name=\"sim-model\",le=\"0.001\"} 0.0\n"));
        assertTrue(
                text.contains("vllm:time_to_first_token_seconds_bucket{model_name=\"sim-model\",le=\"0.005\"} 1.0\n"));
        assertTrue(
                text.contains("vllm:time_to_first_token_seconds_bucket{model_name=\"sim-model\",le=\"0.06\"} 2.0\n"));
        assertTrue(
                text.contains("vllm:time_to_first_token_seconds_bucket{model_name=\"sim-model\",le=\"20.0\"} 2.0\n"));
        assertTrue(
                text.contains("vllm:time_to_first_token_seconds_bucket{model_name=\"sim-model\",le=\"40.0\"} 3.0\n"));
        assertTrue(
                text.contains("vllm:time_to_first_token_seconds_bucket{model_name=\"sim-model\",le=\"+Inf\"} 3.0\n"));
        assertTrue(text.contains("vllm:time_to_first_token_seconds_count{model_name=\"sim-model\"} 3.0\n"));
        assertTrue(text.contains("vllm:prompt_tokens_total{model_name=\"sim-model\"} 30.0\n"));
        assertTrue(text.contains("vllm:cache_config_info{model_name=\"sim-model\",block_size=\"16\",")
                && text.contains("num_gpu_blocks=\"128\""));
    }

    @Test
    void dataParallelEnginesEachGetAnEngineLabelWithinOneFamilyGroup() {
        String text = MetricsText.render(
                SimulatorConfig.fast().withKvMetric(KvMetricFlavour.GPU),
                List.of(engine(1, 0, 0.5), engine(2, 4, 0.75)));
        assertTrue(text.contains("# TYPE vllm:num_requests_waiting gauge\n"
                + "vllm:num_requests_waiting{model_name=\"sim-model\",engine=\"0\"} 0.0\n"
                + "vllm:num_requests_waiting{model_name=\"sim-model\",engine=\"1\"} 4.0\n"));
        assertTrue(text.contains("vllm:gpu_cache_usage_perc{model_name=\"sim-model\",engine=\"1\"} 0.75\n"));
        assertFalse(text.contains("vllm:kv_cache_usage_perc"));
        assertTrue(text.contains("vllm:time_per_output_token_seconds_count"));
        assertFalse(text.contains("inter_token_latency"));
    }

    @Test
    void everySampleLineHasAFamilyDeclaredBeforeIt() {
        String text = MetricsText.render(SimulatorConfig.fast(), List.of(engine(0, 0, 0)));
        String family = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                family = line.split(" ")[2];
            } else if (!line.startsWith("#")) {
                String name = line.substring(0, line.indexOf('{'));
                assertTrue(name.startsWith(family), name + " outside its family " + family);
            }
        }
        assertEquals(
                text.lines().filter(l -> l.startsWith("# TYPE")).count(),
                text.lines().filter(l -> l.startsWith("# HELP")).count());
    }
}
