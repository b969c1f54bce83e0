package io.benchsuite.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ServerGaugeMapperTest {

    private static GaugeReading read(String fixture, String model) {
        return new ServerGaugeMapper(Optional.ofNullable(model)).read(Fixtures.page(fixture));
    }

    private static ServerGauges gauges(double running, double waiting, double kv) {
        return new ServerGauges(OptionalDouble.of(running), OptionalDouble.of(waiting), OptionalDouble.of(kv));
    }

    @Test
    void knownModelKeepsItsSeriesSumsRequestsOverEnginesAndTakesTheFullestEngine() {
        GaugeReading reading = read(Fixtures.V1, "llama-8b");

        // running 3 + 5, waiting 2 + 4, KV max(0.25, 0.4375) from kv_cache_usage_perc, not the old 0.9.
        assertEquals(gauges(8, 6, 0.4375), reading.gauges());
        assertEquals(List.of(), reading.notes());
    }

    @Test
    void withoutAModelNameEverySeriesCounts() {
        GaugeReading reading = read(Fixtures.V1, null);

        // running 3 + 5 + 1 + 0, waiting 2 + 4 + 0 + 1, KV max over both models = the LoRA's 0.5.
        assertEquals(gauges(9, 7, 0.5), reading.gauges());
        assertEquals(List.of(), reading.notes());
    }

    @Test
    void aModelNameAbsentFromTheLabelsFallsBackToEverySeriesAndSaysSo() {
        GaugeReading reading = read(Fixtures.V1, "/models/llama");

        assertEquals(gauges(9, 7, 0.5), reading.gauges());
        assertEquals(
                List.of(
                        "model:vllm:num_requests_running",
                        "model:vllm:num_requests_waiting",
                        "model:vllm:kv_cache_usage_perc"),
                reading.notes().stream().map(MappingNote::key).toList());
        assertTrue(
                reading.notes().get(0).message().contains("[llama-8b, llama-8b-sql-lora]"),
                reading.notes().get(0).message());
    }

    @Test
    void v0PageFallsBackToGpuCacheUsage() {
        GaugeReading reading = read(Fixtures.V0, "meta-llama/Llama-3.1-8B-Instruct");

        assertEquals(gauges(4, 2, 0.123), reading.gauges());
        assertEquals(List.of(), reading.notes());
    }

    @Test
    void missingFamiliesLeaveTheGaugeEmptyWithANoteNamingEveryCandidate() {
        MetricsPage page = PrometheusTextParser.parse("vllm:num_requests_running{engine=\"0\"} 2\n"
                + "vllm:num_requests_running{engine=\"1\"} NaN\n"
                + "vllm:num_requests_waiting NaN\n");

        GaugeReading reading = new ServerGaugeMapper(Optional.empty()).read(page);

        assertEquals(
                new ServerGauges(OptionalDouble.of(2), OptionalDouble.empty(), OptionalDouble.empty()),
                reading.gauges());
        assertEquals(
                List.of("missing:WAITING_REQUESTS", "missing:KV_CACHE_USAGE"),
                reading.notes().stream().map(MappingNote::key).toList());
        assertEquals(
                "the vLLM metrics page has no usable vllm:kv_cache_usage_perc or vllm:gpu_cache_usage_perc:"
                        + " KV-cache usage will be left empty",
                reading.notes().get(1).message());
    }

    @Test
    void anEmptyPageGivesNoGauges() {
        GaugeReading reading = new ServerGaugeMapper(Optional.of("m")).read(PrometheusTextParser.parse(""));

        assertEquals(ServerGauges.NONE, reading.gauges());
        assertEquals(
                List.of("unknown-server"),
                reading.notes().stream().map(MappingNote::key).toList());
    }

    @Test
    void cacheConfigCapacitySumsBlocksTimesBlockSizeOverEngines() {
        CacheConfig config = CacheConfig.from(Fixtures.page(Fixtures.V1)).orElseThrow();

        assertEquals(16 * 2000 + 16 * 1990, config.kvCapacityTokens().getAsLong());
        assertEquals("16", config.settings().get("block_size"));
        assertEquals("True", config.settings().get("enable_prefix_caching"));
        assertTrue(!config.settings().containsKey("engine"));
    }

    @Test
    void cacheConfigOfAV0Page() {
        CacheConfig config = CacheConfig.from(Fixtures.page(Fixtures.V0)).orElseThrow();

        assertEquals(27000L * 16, config.kvCapacityTokens().getAsLong());
        assertEquals("0.9", config.settings().get("gpu_memory_utilization"));
        assertEquals(13, config.settings().size());
    }

    @Test
    void cacheConfigWithUnknownBlockCountHasNoCapacityAndAPageWithoutItHasNoConfig() {
        MetricsPage page =
                PrometheusTextParser.parse("vllm:cache_config_info{block_size=\"16\",num_gpu_blocks=\"None\"} 1.0\n");

        assertTrue(CacheConfig.from(page).orElseThrow().kvCapacityTokens().isEmpty());
        assertTrue(CacheConfig.from(Fixtures.page(Fixtures.OPENMETRICS)).isEmpty());
    }

    @Test
    void onceReporterPassesEachKeyOnce() {
        List<String> seen = new java.util.ArrayList<>();
        OnceReporter reporter = new OnceReporter(seen::add);

        for (int scrape = 0; scrape < 3; scrape++) {
            reporter.report(new MappingNote("missing:KV_CACHE_USAGE", "no KV"));
            reporter.report(new MappingNote("missing:WAITING_REQUESTS", "no waiting"));
        }

        assertEquals(List.of("no KV", "no waiting"), seen);
    }
}
