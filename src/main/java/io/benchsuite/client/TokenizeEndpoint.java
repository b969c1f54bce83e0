package io.benchsuite.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A MicroProfile REST client for a tokenize endpoint (vLLM's shape); built with the endpoint URL as base URI. */
public interface TokenizeEndpoint {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode tokenize(TokenizeRequest request);

    /** The body vLLM and the simulator accept: the served model and the text to count. */
    @io.quarkus.runtime.annotations.RegisterForReflection
    record TokenizeRequest(String model, String prompt) {
    }
}
