package io.benchsuite.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchsuite.config.Api;
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

    private static JsonNode chat(Backend backend) throws Exception {
        return new ObjectMapper().readTree(RequestBodies.request(backend, Api.CHAT, "m", "Hi", 16));
    }

    @Test
    void chatBodiesCarryOneUserMessageAndNoPrompt() throws Exception {
        for (Backend backend : Backend.values()) {
            if (backend == Backend.AUTO) {
                continue; // resolved to one of the others before any request is built
            }
            JsonNode b = chat(backend);
            assertFalse(b.has("prompt"), backend.id());
            assertEquals(1, b.get("messages").size());
            assertEquals("user", b.get("messages").get(0).get("role").asText());
            assertEquals("Hi", b.get("messages").get(0).get("content").asText());
            assertTrue(b.get("stream").asBoolean());
        }
        JsonNode vllm = chat(Backend.VLLM);
        assertEquals(16, vllm.get("max_tokens").asInt());
        assertEquals(16, vllm.get("min_tokens").asInt());
        assertTrue(vllm.get("stream_options").get("continuous_usage_stats").asBoolean());
    }

    @Test
    void openAiChatNamesTheLimitMaxCompletionTokens() throws Exception {
        JsonNode b = chat(Backend.OPENAI);
        assertEquals(16, b.get("max_completion_tokens").asInt());
        assertFalse(b.has("max_tokens"));
        assertTrue(b.get("stream_options").get("include_usage").asBoolean());
        assertFalse(LengthFields.of(Backend.OPENAI, Api.CHAT).forcesLength());
    }

    @Test
    void mistralSendsWhatTheOriginalToolSent() throws Exception {
        JsonNode b = chat(Backend.MISTRAL);
        assertEquals(16, b.get("max_tokens").asInt());
        assertEquals(16, b.get("min_tokens").asInt());
        assertEquals(0, b.get("temperature").asInt());
        assertFalse(b.has("ignore_eos"));
        assertFalse(b.has("stream_options"));
        assertTrue(LengthFields.of(Backend.MISTRAL, Api.CHAT).forcesLength());
    }
}
