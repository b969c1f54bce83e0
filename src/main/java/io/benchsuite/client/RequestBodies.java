package io.benchsuite.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.benchsuite.config.Backend;

/**
 * The JSON body of a streaming completion request, per backend.
 *
 * <p>vLLM and happy_vllm: {@code max_tokens = min_tokens = output length} plus {@code ignore_eos}, so the
 * server generates exactly the length asked for; {@code temperature 0}; usage on every chunk
 * ({@code continuous_usage_stats}) so tokens are counted by the server, not guessed from chunks; SGLang and
 * llama.cpp get them too (they take or ignore them). A plain OpenAI-compatible server, TGI and Triton get only
 * standard fields: unknown ones are rejected by some of them.
 */
public final class RequestBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestBodies() {
    }

    public static byte[] completion(Backend backend, String model, String prompt, int outputTokens) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        body.put("prompt", prompt);
        body.put("max_tokens", outputTokens);
        body.put("temperature", 0);
        body.put("stream", true);
        ObjectNode streamOptions = body.putObject("stream_options");
        streamOptions.put("include_usage", true);
        if (backend.takesVllmSamplingFields()) {
            body.put("min_tokens", outputTokens);
            body.put("ignore_eos", true);
            streamOptions.put("continuous_usage_stats", true);
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot happen: a tree of strings and numbers", e);
        }
    }
}
