package io.benchsuite.simulator;

import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;

/**
 * Collects a non-streaming request's text on the engine thread (tokens of one request arrive in order on one
 * thread) and writes the whole JSON answer on the connection's context when the request finishes.
 */
final class BufferedAnswer implements TokenListener {

    private final Context context;
    private final HttpServerResponse response;
    private final ResponseFormat format;
    private final StringBuilder text = new StringBuilder();

    BufferedAnswer(Context context, HttpServerResponse response, CompletionCall call) {
        this.context = context;
        this.response = response;
        this.format = new ResponseFormat(call);
    }

    @Override
    public void onToken(TokenDelta delta, long atNanos) {
        text.append(delta.text());
        if (delta.finished()) {
            String body = format.fullResponse(text.toString(), delta);
            context.runOnContext(v -> {
                if (!response.closed()) {
                    response.putHeader("content-type", "application/json").end(body);
                }
            });
        }
    }
}
