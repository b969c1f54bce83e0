package io.benchsuite.simulator;

import io.vertx.core.json.JsonObject;

/**
 * An error answer in vLLM's shape: {@code {"object":"error","message":...,"type":...,"param":null,"code":N}}
 * with N also as the HTTP status; {@code retryAfterSeconds} above 0 adds a Retry-After header (429, 503).
 */
public record ApiError(int status, String type, String message, int retryAfterSeconds) {

    /** An error without Retry-After. */
    public ApiError(int status, String type, String message) {
        this(status, type, message, 0);
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, "BadRequestError", message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, "NotFoundError", message);
    }

    public String toJson() {
        return new JsonObject()
                .put("object", "error")
                .put("message", message)
                .put("type", type)
                .putNull("param")
                .put("code", status)
                .encode();
    }

    /** Thrown while parsing a request, answered as this error. */
    static final class Failure extends RuntimeException {
        final ApiError error;

        Failure(ApiError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }
}
