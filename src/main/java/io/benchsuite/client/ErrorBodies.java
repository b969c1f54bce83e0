package io.benchsuite.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the human message out of an error response body, whichever server shape it has. */
final class ErrorBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorBodies() {}

    /**
     * vLLM: {"object":"error","message":...} or {"error":{"message":...}}; happy_vllm validation: {"detail":...};
     * anything else: the body itself, shortened, or the status reason when the body is empty.
     */
    static String message(String body, String reason) {
        if (body == null || body.isBlank()) {
            return reason == null ? "" : reason;
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node.hasNonNull("message")) {
                return node.get("message").asText();
            }
            JsonNode error = node.get("error");
            if (error != null && error.hasNonNull("message")) {
                return error.get("message").asText();
            }
            if (error != null && error.isTextual()) {
                return error.asText();
            }
            if (node.has("detail")) {
                return node.get("detail").isTextual()
                        ? node.get("detail").asText()
                        : node.get("detail").toString();
            }
        } catch (Exception notJson) {
            // fall through to the raw body
        }
        return ChunkDecoder.abbreviate(body.strip());
    }
}
