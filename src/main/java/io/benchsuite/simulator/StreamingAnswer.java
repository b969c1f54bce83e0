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
    /** Present for the llama.cpp flavour, whose chunks differ (see {@link LlamaCppFormat}). */
    private final LlamaCppFormat llamaCpp;

    private final Runnable afterStream;
    private Runnable cancel = () -> {};
    private int tokensSent;
    private boolean ended;
    private long beginNanos;
    private long firstTokenNanos;

    StreamingAnswer(
            Context context, HttpServerResponse response, CompletionCall call, FaultPolicy.RequestFaults faults) {
        this(context, response, call, faults, ServerFlavour.VLLM, () -> {});
    }

    /** @param afterStream runs once the whole answer, {@code [DONE]} included, was written */
    StreamingAnswer(
            Context context,
            HttpServerResponse response,
            CompletionCall call,
            FaultPolicy.RequestFaults faults,
            ServerFlavour flavour,
            Runnable afterStream) {
        this.context = context;
        this.response = response;
        this.call = call;
        this.format = new ResponseFormat(call);
        this.faults = faults;
        this.llamaCpp = flavour == ServerFlavour.LLAMACPP ? new LlamaCppFormat(call) : null;
        this.afterStream = afterStream;
    }

    /** Sends the headers (and the role chunk of a chat) now; must run on the connection's context. */
    void begin(Runnable cancelGeneration) {
        this.cancel = cancelGeneration;
        this.beginNanos = System.nanoTime();
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
            send(StreamFrame.Kind.ROLE, llamaCpp != null ? llamaCpp.roleChunk() : format.roleChunk());
        } else {
            response.write(""); // flush the headers so the client sees the stream open before the first token
        }
    }

    @Override
    public void onToken(TokenDelta delta, long atNanos) {
        context.runOnContext(v -> {
            if (llamaCpp != null) {
                writeLlamaCppToken(delta, atNanos);
            } else {
                writeToken(delta);
            }
        });
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
                afterStream.run();
            }
        }
    }

    /** llama.cpp: token chunks without a finish reason, then a last empty chunk with usage and timings. */
    private void writeLlamaCppToken(TokenDelta delta, long atNanos) {
        if (ended) {
            return;
        }
        if (firstTokenNanos == 0) {
            firstTokenNanos = atNanos;
        }
        // An EOS token has no text: llama.cpp sends no chunk for it.
        if (!delta.text().isEmpty()) {
            if (!send(StreamFrame.Kind.TOKEN, llamaCpp.tokenChunk(delta))) {
                return;
            }
            tokensSent++;
        }
        if (delta.finished()) {
            String last = llamaCpp.finalChunk(
                    delta,
                    Math.max(0, firstTokenNanos - beginNanos) / 1e6,
                    Math.max(0, atNanos - firstTokenNanos) / 1e6);
            if (send(StreamFrame.Kind.USAGE, last) && send(StreamFrame.Kind.DONE, ResponseFormat.DONE)) {
                ended = true;
                response.end();
                afterStream.run();
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
            default -> {} // STALL: the connection stays open and silent until the client gives up
        }
        return false;
    }
}
