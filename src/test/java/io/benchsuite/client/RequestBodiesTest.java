package io.benchsuite.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchsuite.config.Backend;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {

    private static JsonNode body(Backend backend) throws Exception {
        return new ObjectMapper().readTree(RequestBodies.completion(backend, "m", "Hello \"you\"", 128));
    }

    @Test
    void vllmBodiesAskForTheExactLengthAndUsageOnEveryChunk() throws Exception {
        for (Backend backend : new Backend[] {Backend.HAPPY_VLLM, Backend.VLLM}) {
            JsonNode b = body(backend);
            assertEquals("m", b.get("model").asText());
            assertEquals("Hello \"you\"", b.get("prompt").asText());
            assertEquals(128, b.get("max_tokens").asInt());
            assertEquals(128, b.get("min_tokens").asInt());
            assertTrue(b.get("ignore_eos").asBoolean());
            assertEquals(0, b.get("temperature").asInt());
            assertTrue(b.get("stream").asBoolean());
            assertTrue(b.get("stream_options").get("include_usage").asBoolean());
            assertTrue(b.get("stream_options").get("continuous_usage_stats").asBoolean());
        }
    }

    @Test
    void openAiBodyHasOnlyStandardFields() throws Exception {
        JsonNode b = body(Backend.OPENAI);
        assertFalse(b.has("min_tokens"));
        assertFalse(b.has("ignore_eos"));
        assertFalse(b.get("stream_options").has("continuous_usage_stats"));
        assertEquals(128, b.get("max_tokens").asInt());
    }
}
