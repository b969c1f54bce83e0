package io.benchsuite.simulator;

import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;

/**
 * Streams one request's tokens as SSE. Tokens arrive on an engine thread and are written on the
 * connection's own context, so the event loop never waits for the engine and the engine never blocks on a
 * socket. A client that goes away cancels its request in the engine.
 */
final class StreamingAnswer implements TokenListener {

    private final Context context;
    private final HttpServerResponse response;
    private final CompletionCall call;
    private final ResponseFormat format;
    private final FaultPolicy.RequestFaults faults;
    private int framesWritten;
    private boolean ended;

    StreamingAnswer(Context context, HttpServerResponse response, CompletionCall call,
            FaultPolicy.RequestFaults faults) {
        this.context = context;
        this.response = response;
        this.call = call;
        this.format = new ResponseFormat(call);
        this.faults = faults;
    }

    /** Sends the headers (and the role chunk of a chat) now; must run on the connection's context. */
    void begin(Runnable cancel) {
        response.setStatusCode(200)
                .setChunked(true)
                .putHeader("content-type", "text/event-stream; charset=utf-8")
                .putHeader("cache-control", "no-cache");
        response.closeHandler(v -> {
            if (!ended) {
                ended = true;
                cancel.run();
            }
        });
        if (call.chat()) {
            write(format.roleChunk());
        } else {
            response.write(""); // flush the headers so the client sees the stream open before the first token
        }
    }

    @Override
    public void onToken(TokenDelta delta, long atNanos) {
        context.runOnContext(v -> writeToken(delta));
    }

    private void writeToken(TokenDelta delta) {
        if (ended) {
            return;
        }
        write(format.tokenChunk(delta));
        if (delta.finished()) {
            if (call.includeUsage()) {
                write(format.usageChunk(delta.completionTokens()));
            }
            ended = true;
            response.end(ResponseFormat.DONE);
        }
    }

    private void write(String frame) {
        response.write(faults.frame(framesWritten++, frame));
    }
}
