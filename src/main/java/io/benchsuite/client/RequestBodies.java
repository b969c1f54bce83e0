package io.benchsuite.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.benchsuite.config.Api;
import io.benchsuite.config.Backend;

/**
 * The JSON body of a streaming request: {@code prompt} for the completions API, {@code messages} with one
 * user message for the chat API, {@code temperature 0}, and the length and usage fields that
 * {@link LengthFields} gives the backend.
 */
public final class RequestBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestBodies() {}

    /** A completions-API body (what every benchmark sent before the chat API existed). */
    public static byte[] completion(Backend backend, String model, String prompt, int outputTokens) {
        return request(backend, Api.COMPLETIONS, model, prompt, outputTokens);
    }

    /**
     * @param outputTokens the exact output length asked for, in tokens
     * @return the UTF-8 JSON body
     */
    public static byte[] request(Backend backend, Api api, String model, String prompt, int outputTokens) {
        LengthFields fields = LengthFields.of(backend, api);
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        if (api == Api.CHAT) {
            ObjectNode message = body.putArray("messages").addObject();
            message.put("role", "user");
            message.put("content", prompt);
        } else {
            body.put("prompt", prompt);
        }
        if (fields.maxTokens()) {
            body.put("max_tokens", outputTokens);
        }
        if (fields.maxCompletionTokens()) {
            body.put("max_completion_tokens", outputTokens);
        }
        if (fields.minTokens()) {
            body.put("min_tokens", outputTokens);
        }
        if (fields.ignoreEos()) {
            body.put("ignore_eos", true);
        }
        body.put("temperature", 0);
        body.put("stream", true);
        if (fields.includeUsage() || fields.continuousUsage()) {
            ObjectNode streamOptions = body.putObject("stream_options");
            streamOptions.put("include_usage", fields.includeUsage());
            if (fields.continuousUsage()) {
                streamOptions.put("continuous_usage_stats", true);
            }
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot happen: a tree of strings and numbers", e);
        }
    }
}
