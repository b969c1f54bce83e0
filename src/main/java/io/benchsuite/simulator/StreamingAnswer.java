package io.benchsuite.simulator;

import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;

/**
 * Streams one request's tokens as SSE. Tokens arrive on an engine thread and are written on the
 * connection's own context, so the event loop never waits for the engine and the engine never blocks on a
 * socket. A client that goes away cancels its request in the engine. Every frame passes through the
 * request's faults, which may alter it, end the body early, drop the connection or stall the stream.
 */
final class StreamingAnswer implements TokenListener {

    private final Context context;
    private final HttpServerResponse response;
    private final CompletionCall call;
    private final ResponseFormat format;
    private final FaultPolicy.RequestFaults faults;
    private Runnable cancel = () -> { };
    private int tokensSent;
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
    void begin(Runnable cancelGeneration) {
        this.cancel = cancelGeneration;
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
            send(StreamFrame.Kind.ROLE, format.roleChunk());
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
        if (!send(StreamFrame.Kind.TOKEN, format.tokenChunk(delta))) {
            return;
        }
        tokensSent++;
        if (delta.finished()) {
            if (call.includeUsage() && !send(StreamFrame.Kind.USAGE, format.usageChunk(delta.completionTokens()))) {
                return;
            }
            if (send(StreamFrame.Kind.DONE, ResponseFormat.DONE)) {
                ended = true;
                response.end();
            }
        }
    }

    /** Writes a frame as the faults decide; false when the stream must not go on. */
    private boolean send(StreamFrame.Kind kind, String frame) {
        StreamStep step = faults.onFrame(new StreamFrame(kind, tokensSent, frame));
        if (!step.write().isEmpty()) {
            response.write(step.write());
        }
        if (step.then() == StreamStep.Then.CONTINUE) {
            return true;
        }
        ended = true;
        cancel.run(); // the engine need not generate what will never be sent
        switch (step.then()) {
            case END -> response.end();
            case DROP -> response.reset(); // HTTP/1.1: closes the connection in the middle of the chunked body
            default -> { } // STALL: the connection stays open and silent until the client gives up
        }
        return false;
    }
}
