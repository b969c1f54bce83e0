package io.benchsuite.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A MicroProfile REST client for a tokenize endpoint, in vLLM's shape or llama.cpp's; built with the endpoint
 * URL as base URI.
 */
public interface TokenizeEndpoint {

    /** vLLM: {@code {"model", "prompt"}} answered with {@code {"count", "max_model_len", "tokens"}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode tokenize(TokenizeRequest request);

    /** llama.cpp's llama-server: {@code {"content", "add_special"}} answered with {@code {"tokens": [ids]}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode tokenizeContent(ContentRequest request);

    /** The body vLLM and the simulator accept: the served model and the text to count. */
    @io.quarkus.runtime.annotations.RegisterForReflection
    record TokenizeRequest(String model, String prompt) {}

    /**
     * llama.cpp's body. {@code add_special} counts the BOS token its completions add, as vLLM's count does
     * (llama.cpp leaves it out by default).
     */
    @io.quarkus.runtime.annotations.RegisterForReflection
    record ContentRequest(
            String content,

            @com.fasterxml.jackson.annotation.JsonProperty("add_special")
            boolean addSpecial) {}
}
