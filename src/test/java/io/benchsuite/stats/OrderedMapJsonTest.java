package io.benchsuite.stats;

import static io.benchsuite.record.TestRecords.ANCHOR;
import static io.benchsuite.record.TestRecords.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchsuite.record.ErrorKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The records are what the JSON writer serialises: check Jackson writes them in order with plain JSON values. */
class OrderedMapJsonTest {

    private final ObjectMapper mapper =
            new ObjectMapper().registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module());

    @Test
    void queryStatsSerialiseInTheOriginalOrderWithPlainJsonValues() throws Exception {
        QueryStats stats = QueryStatsCalculator.compute(
                request()
                        .startMs(0)
                        .endMs(300)
                        .chunksMs(100, 200)
                        .failed(ErrorKind.STREAM_TRUNCATED, null, "no [DONE]")
                        .build(),
                ANCHOR);
        String json = mapper.writeValueAsString(stats);
        assertTrue(json.startsWith("{\"prompt\":\"prompt\",\"starting_timestamp\":1.7E9,"), json);
        JsonNode node = mapper.readTree(json);
        assertEquals(0.1, node.get("delta_time_of_tokens_arrival").get(0).asDouble(), 1e-9);
        assertTrue(node.get("http_status").isNull());
        assertEquals("STREAM_TRUNCATED", node.get("error_kind").asText());
        assertEquals(false, node.get("success").asBoolean());
    }

    @Test
    void runMetricsSerialiseAsNestedObjects() throws Exception {
        QueryStats ok = QueryStatsCalculator.compute(
                request()
                        .startMs(0)
                        .endMs(300)
                        .chunksMs(100, 200)
                        .completionTokens(2)
                        .build(),
                ANCHOR);
        RunMetrics metrics = RunMetrics.of(List.of(ok), ServerPeaks.UNAVAILABLE, 1.5);
        JsonNode general = mapper.readTree(mapper.writeValueAsString(metrics.general()));
        JsonNode aggregated = mapper.readTree(mapper.writeValueAsString(metrics.aggregated()));
        assertEquals(0, general.get("errors_by_kind").get("TIMEOUT").asInt());
        assertEquals(
                2 / 0.3,
                aggregated.get("speed_from_beginning").get("percentile_99").asDouble(),
                1e-9);
        assertEquals("time_to_first_token", aggregated.fieldNames().next());
    }
}
