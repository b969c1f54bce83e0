package io.benchsuite.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A MicroProfile REST client for one JSON resource. Endpoint paths are settings, so each client is built
 * with the full endpoint URL as its base URI rather than with paths fixed in annotations.
 */
public interface JsonEndpoint {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode get();
}
