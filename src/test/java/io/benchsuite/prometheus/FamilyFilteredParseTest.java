package io.benchsuite.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing only the families the gauges come from gives those families exactly as a whole parse does. */
class FamilyFilteredParseTest {

    private static final List<String> VLLM_GAUGES = List.of(
            "vllm:num_requests_running",
            "vllm:num_requests_waiting",
            "vllm:kv_cache_usage_perc",
            "vllm:gpu_cache_usage_perc");

    @Test
    void theListedFamiliesAreReadAsAWholeParseReadsThemAndNothingElse() {
        for (String fixture : List.of(Fixtures.V0, Fixtures.V1)) {
            String text = Fixtures.text(fixture);
            MetricsPage whole = PrometheusTextParser.parse(text);
            MetricsPage part = PrometheusTextParser.parse(text, ExpositionFormat.CLASSIC_TEXT, VLLM_GAUGES);

            assertTrue(part.families().size() < whole.families().size(), fixture);
            for (String name : part.families().keySet()) {
                assertTrue(VLLM_GAUGES.stream().anyMatch(name::startsWith), fixture + ": " + name);
                assertEquals(whole.family(name), part.family(name), fixture + ": " + name);
            }
            for (String name : VLLM_GAUGES) {
                assertEquals(whole.family(name), part.family(name), fixture + ": " + name);
            }
            assertEquals(whole.warnings(), part.warnings(), fixture);
            ServerGaugeMapper mapper = new ServerGaugeMapper(java.util.Optional.empty());
            assertEquals(mapper.read(whole), mapper.read(part), fixture);
        }
    }

    @Test
    void countersAndOpenMetricsEndAreKept() {
        String text = "# TYPE x_requests counter\n"
                + "# HELP x_requests Requests.\n"
                + "x_requests_total 7\n"
                + "# TYPE y gauge\n"
                + "y 1\n"
                + "# EOF\n"
                + "x_requests_total 8\n";
        MetricsPage part = PrometheusTextParser.parse(text, ExpositionFormat.OPENMETRICS, List.of("x_requests"));

        assertEquals(List.of("x_requests"), List.copyOf(part.families().keySet()));
        assertEquals(MetricType.COUNTER, part.family("x_requests").orElseThrow().type());
        assertEquals("Requests.", part.family("x_requests").orElseThrow().help());
        assertEquals(1, part.sampleCount());
        assertEquals(List.of("line 7: content after # EOF ignored: x_requests_total 8"), part.warnings());
    }
}
