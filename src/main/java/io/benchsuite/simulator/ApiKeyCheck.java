package io.benchsuite.simulator;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * The simulator's API key check ({@code simulate --api-key}): every route but the open ones needs
 * {@code Authorization: Bearer <key>}, as a vLLM or a gateway started with a key does. The refusal is
 * OpenAI's shape, {@code {"error":{"message":...,"type":"invalid_request_error","param":null,
 * "code":"invalid_api_key"}}} with status 401 (the shape api.openai.com answers). Pure.
 */
final class ApiKeyCheck {

    /**
     * Open without a key: the Prometheus page (a scraper is often not given the key) and the health routes
     * an orchestrator's probes call. vLLM likewise only guards {@code /v1}.
     */
    static final Set<String> OPEN_PATHS =
            Set.of("/metrics", "/metrics/", "/health", "/liveness", "/readiness", "/version");

    private static final String BEARER = "Bearer ";

    private ApiKeyCheck() {}

    static boolean isOpen(String path) {
        return OPEN_PATHS.contains(path);
    }

    /**
     * @param authorization the request's Authorization header; null when absent
     * @param key           the key the simulator was started with
     * @return whether the header is exactly {@code Bearer <key>} (compared in constant time)
     */
    static boolean matches(String authorization, String key) {
        return authorization != null
                && MessageDigest.isEqual(
                        authorization.getBytes(StandardCharsets.UTF_8),
                        (BEARER + key).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The 401 body: says whether a key was missing or wrong, never echoes what was sent.
     *
     * @param authorization the request's Authorization header; null when absent
     */
    static String refusal(String authorization) {
        String message = authorization == null || authorization.isBlank()
                ? "You didn't provide an API key. You need to provide your API key in an Authorization header "
                        + "using Bearer auth (i.e. Authorization: Bearer YOUR_KEY)."
                : "Incorrect API key provided.";
        return new JsonObject()
                .put(
                        "error",
                        new JsonObject()
                                .put("message", message)
                                .put("type", "invalid_request_error")
                                .putNull("param")
                                .put("code", "invalid_api_key"))
                .encode();
    }
}
