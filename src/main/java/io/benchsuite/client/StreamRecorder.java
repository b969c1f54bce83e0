package io.benchsuite.client;

import io.benchsuite.record.CompletionRequest;
import io.benchsuite.record.ErrorKind;
import io.benchsuite.record.Outcome;
import io.benchsuite.record.RequestRecord;
import io.benchsuite.record.ServerTimings;
import io.benchsuite.record.StreamDetails;
import java.util.Arrays;

/**
 * Turns the bytes of one streamed response into a {@link RequestRecord}. Pure: it is fed bytes with their
 * arrival time and told how the exchange ended, so every error class can be unit-tested without a socket.
 *
 * <p>Token accounting follows one rule. A chunk is a token arrival only if it carries non-empty text or
 * reasoning text (role-only chunks, empty deltas and usage-only chunks are not). When the stream carries
 * running usage ({@code continuous_usage_stats}), an arrival carries the increase of
 * {@code completion_tokens} over the tokens already credited to earlier arrivals, so chunks that merge
 * several tokens are counted right; an arrival without usage carries 1. A usage that comes on a chunk that is
 * not an arrival (the final usage-only chunk, llama.cpp's last empty chunk) only sets
 * {@code completion_tokens}: it is never added to any arrival. Running totals: the last usage seen wins.
 *
 * <p>The first failure wins: an error event or a malformed chunk marks the record, and the rest of the
 * stream is still read so the connection can be reused.
 */
final class StreamRecorder {

    private final CompletionRequest request;
    private final long startNanos;
    private final boolean keepText;
    private final SseFrameParser parser = new SseFrameParser(this::onEvent);
    /** One per stream: it keeps its JSON parser from event to event. */
    private final ChunkDecoder decoder = new ChunkDecoder();

    private long[] chunkNanos = new long[64];
    private int[] chunkTokens = new int[64];
    private int chunks;
    private int promptTokens = RequestRecord.NOT_REPORTED;
    private int completionTokens = RequestRecord.NOT_REPORTED;
    /** Tokens credited to arrivals so far: an arrival with usage carries what the usage adds to this. */
    private int creditedTokens;

    private int reasoningTokens = -1;
    private ServerTimings timings = ServerTimings.NONE;
    private long firstContentNanos = StreamDetails.NEVER;
    private int cachedTokens = RequestRecord.NOT_REPORTED;
    private int retryAfterSeconds = RequestRecord.NOT_REPORTED;
    private boolean done;
    private ErrorKind error = ErrorKind.NONE;
    private String errorMessage = "";
    private final StringBuilder text;

    StreamRecorder(CompletionRequest request, long startNanos, boolean keepText) {
        this.request = request;
        this.startNanos = startNanos;
        this.keepText = keepText;
        this.text = keepText ? new StringBuilder() : null;
    }

    void onBytes(byte[] bytes, long arrivalNanos) {
        parser.feed(bytes, arrivalNanos);
    }

    /** The response body ended normally (the server closed the stream). */
    RequestRecord onEnd(long endNanos) {
        if (error == ErrorKind.NONE && !done) {
            return finish(
                    ErrorKind.STREAM_TRUNCATED,
                    parser.hasPartialEvent()
                            ? "the stream ended in the middle of an event, without [DONE]"
                            : "the stream ended without [DONE]",
                    200,
                    endNanos);
        }
        return finish(error, errorMessage, 200, endNanos);
    }

    /** The server's Retry-After in seconds, with an error status that carried one. */
    void retryAfter(int seconds) {
        retryAfterSeconds = seconds;
    }

    /** The exchange failed (timeout, reset, cancel): what was measured so far is kept. */
    RequestRecord onFailure(ErrorKind kind, String message, Integer httpStatus, long endNanos) {
        if (error != ErrorKind.NONE) { // an error event or bad chunk came first: that is the cause
            return finish(error, errorMessage, httpStatus, endNanos);
        }
        return finish(kind, message, httpStatus, endNanos);
    }

    void onBytes(byte[] bytes, int offset, int length, long arrivalNanos) {
        parser.feed(bytes, offset, length, arrivalNanos);
    }

    private void onEvent(byte[] data, int offset, int length, long arrivalNanos) {
        if (done) {
            return;
        }
        if (isDone(data, offset, length)) {
            done = true;
            return;
        }
        Chunk chunk;
        try {
            chunk = decoder.next(data, offset, length);
        } catch (ChunkDecoder.MalformedChunkException e) {
            markError(ErrorKind.MALFORMED_CHUNK, e.getMessage());
            return;
        }
        if (chunk.isError()) {
            markError(ErrorKind.STREAM_ERROR_EVENT, chunk.errorMessage());
            return;
        }
        if (chunk.promptTokens() >= 0) {
            promptTokens = chunk.promptTokens();
        }
        if (chunk.reasoningTokens() >= 0) {
            reasoningTokens = chunk.reasoningTokens();
        }
        if (chunk.timings().present()) {
            timings = chunk.timings();
        }
        if (chunk.cachedTokens() >= 0) {
            cachedTokens = chunk.cachedTokens();
        }
        if (chunk.hasUsage()) {
            completionTokens = chunk.completionTokens();
        }
        if (keepText) {
            text.append(chunk.text());
        }
        if (!chunk.isArrival()) {
            return;
        }
        int tokens = 1;
        if (chunk.hasUsage()) {
            tokens = Math.max(0, chunk.completionTokens() - creditedTokens);
        }
        creditedTokens += tokens;
        if (firstContentNanos == StreamDetails.NEVER && !chunk.text().isEmpty()) {
            firstContentNanos = arrivalNanos;
        }
        addChunk(arrivalNanos, tokens);
    }

    private static boolean isDone(byte[] b, int offset, int length) {
        return length == 6
                && b[offset] == '['
                && b[offset + 1] == 'D'
                && b[offset + 2] == 'O'
                && b[offset + 3] == 'N'
                && b[offset + 4] == 'E'
                && b[offset + 5] == ']';
    }

    private void markError(ErrorKind kind, String message) {
        if (error == ErrorKind.NONE) {
            error = kind;
            errorMessage = message;
        }
    }

    private void addChunk(long arrivalNanos, int tokens) {
        if (chunks == chunkNanos.length) {
            chunkNanos = Arrays.copyOf(chunkNanos, chunks * 2);
            chunkTokens = Arrays.copyOf(chunkTokens, chunks * 2);
        }
        chunkNanos[chunks] = arrivalNanos;
        chunkTokens[chunks] = tokens;
        chunks++;
    }

    private RequestRecord finish(ErrorKind kind, String message, Integer httpStatus, long endNanos) {
        long end = Math.max(endNanos, chunks == 0 ? startNanos : chunkNanos[chunks - 1]);
        Outcome outcome = kind.outcome();
        return new RequestRecord(
                request.internalId(),
                request.prompt(),
                request.outputTokens(),
                request.intendedStartNanos(),
                startNanos,
                end,
                Arrays.copyOf(chunkNanos, chunks),
                Arrays.copyOf(chunkTokens, chunks),
                promptTokens,
                completionTokens,
                outcome,
                kind,
                httpStatus,
                message,
                keepText ? text.toString() : null,
                new StreamDetails(firstContentNanos, reasoningTokens, timings),
                cachedTokens,
                retryAfterSeconds);
    }
}
