package io.benchsuite.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the llama.cpp flavour does differently at the HTTP level, besides its stream chunks
 * ({@link LlamaCppFormat}):
 * <ul>
 *   <li>no happy_vllm routes ({@code /v1/info}, {@code /v1/launch_arguments} answer 404);</li>
 *   <li>{@code POST /tokenize} takes {@code {"content": text}} and answers {@code {"tokens": [ids]}}; a body
 *       without {@code content} (vLLM's {@code {"model", "prompt"}}) is answered {@code {"tokens": []}}, as
 *       llama-server does;</li>
 *   <li>the connection is closed after every streamed answer although keep-alive was announced (llama-server's
 *       HTTP library ends a chunked stream that way). A request sent on such a connection is never
 *       answered: the connection is closed under it at once, as the client learns when it writes on a
 *       socket the server has closed. Otherwise the connection is closed {@link #CLOSE_DELAY_MS} after the
 *       end of the body. So a client that reuses a pooled connection after a stream, as a benchmark does,
 *       meets the failure llama-server causes every time, not only when it loses a race (which, on a loaded
 *       machine, would make the tests depend on timing).</li>
 * </ul>
 */
final class LlamaCppServer {

    /** Long enough for a client to send its next request on the connection even on a loaded machine. */
    static final long CLOSE_DELAY_MS = 1000;

    /** llama-server's answer to a path it does not serve. */
    static final String NOT_FOUND =
            "{\"error\":{\"code\":404,\"message\":\"File Not Found\",\"type\":\"not_found_error\"}}";

    private final Set<HttpConnection> spent = ConcurrentHashMap.newKeySet();

    /** False for the routes llama-server does not have. */
    static boolean serves(String path) {
        return !path.equals("/v1/info") && !path.equals("/v1/launch_arguments");
    }

    /** llama-server's {@code /tokenize}: token ids of {@code content}, none when it is missing. */
    static JsonObject tokenize(JsonObject body) {
        JsonArray tokens = new JsonArray();
        if (body.getValue("content") instanceof String content) {
            new Prompt(content, null).ids().forEach(tokens::add);
        } else if (body.containsKey("content")) {
            throw new ApiError.Failure(ApiError.badRequest("\"content\" must be a string"));
        }
        return new JsonObject().put("tokens", tokens);
    }

    /** Called once a stream's last byte was written on {@code connection}: it is closed shortly after. */
    void streamEnded(Vertx vertx, HttpConnection connection) {
        if (spent.add(connection)) {
            connection.closeHandler(v -> spent.remove(connection));
            vertx.setTimer(CLOSE_DELAY_MS, id -> connection.close());
        }
    }

    /**
     * True when a request came on a connection whose stream ended: it gets no answer, and the connection is
     * closed now.
     */
    boolean dropIfSpent(HttpConnection connection) {
        if (!spent.contains(connection)) {
            return false;
        }
        connection.close();
        return true;
    }
}
