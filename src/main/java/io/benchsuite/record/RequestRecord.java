package io.benchsuite.record;

import java.util.Arrays;
import java.util.Objects;

/**
 * Everything observed about one request, in raw form: the stages after the client derive every latency
 * view from it, so nothing here is computed, only measured.
 *
 * <p>Instants are {@link System#nanoTime()} values; pair them with the run's {@link TimeAnchor} to print
 * epoch seconds. Arrays are copied on the way in and out, so a record is immutable and {@code equals}
 * compares contents.
 *
 * @param internalId            position of the request in the run's plan
 * @param prompt                the prompt text sent
 * @param requestedOutputTokens the output length asked for ({@code max_tokens = min_tokens})
 * @param intendedStartNanos    when the schedule wanted the request sent; {@code startNanos} minus this is
 *                              the queue delay (coordinated omission made visible): the client's own lag
 *                              plus the connection set-up (waiting for a pooled connection, TCP connect,
 *                              TLS handshake); equal to {@code startNanos} for a request that had no schedule
 * @param startNanos            once a connection is ready, just before the request bytes were written
 * @param endNanos              when {@code [DONE]} or the failure arrived
 * @param chunkNanos            arrival time of each chunk that carried generated tokens, in arrival order
 * @param chunkTokens           tokens carried by the chunk at the same index (from usage deltas when the
 *                              server sends continuous usage, else 1); never negative
 * @param promptTokens          {@code usage.prompt_tokens}, -1 when the server did not say
 * @param completionTokens      {@code usage.completion_tokens}, -1 when the server did not say
 * @param outcome               how the request ended; must agree with {@code errorKind}
 * @param errorKind             {@link ErrorKind#NONE} exactly when the outcome is a success
 * @param httpStatus            the response status, null when no response arrived; required for
 *                              {@link ErrorKind#HTTP_STATUS}
 * @param errorMessage          the server's message or the exception text, "" when none
 * @param generatedText         the generated text, null unless the user asked to keep it
 * @param details               first visible content, reasoning tokens and llama.cpp timings;
 *                              {@link StreamDetails#NONE} when not recorded
 * @param cachedTokens          {@code usage.prompt_tokens_details.cached_tokens}: prompt tokens the server
 *                              found in its prefix (prompt) cache; -1 when the server did not say
 * @param retryAfterSeconds     the {@code Retry-After} of an error answer, in seconds; -1 when none
 */
public record RequestRecord(
        int internalId,
        String prompt,
        int requestedOutputTokens,
        long intendedStartNanos,
        long startNanos,
        long endNanos,
        long[] chunkNanos,
        int[] chunkTokens,
        int promptTokens,
        int completionTokens,
        Outcome outcome,
        ErrorKind errorKind,
        Integer httpStatus,
        String errorMessage,
        String generatedText,
        StreamDetails details,
        int cachedTokens,
        int retryAfterSeconds) {

    /** The value of {@link #promptTokens} and {@link #completionTokens} when the server sent no usage. */
    public static final int NOT_REPORTED = -1;

    /**
     * A record of what every client records, without the rest: no stream details ({@link StreamDetails#NONE}),
     * no cached-token count and no Retry-After (both {@link #NOT_REPORTED}). For a reader that sees no more
     * than that (the fidelity benchmark's bare socket reader) and for tests; the streaming client uses the
     * canonical constructor.
     */
    public static RequestRecord withoutServerDetails(
            int internalId,
            String prompt,
            int requestedOutputTokens,
            long intendedStartNanos,
            long startNanos,
            long endNanos,
            long[] chunkNanos,
            int[] chunkTokens,
            int promptTokens,
            int completionTokens,
            Outcome outcome,
            ErrorKind errorKind,
            Integer httpStatus,
            String errorMessage,
            String generatedText) {
        return new RequestRecord(
                internalId,
                prompt,
                requestedOutputTokens,
                intendedStartNanos,
                startNanos,
                endNanos,
                chunkNanos,
                chunkTokens,
                promptTokens,
                completionTokens,
                outcome,
                errorKind,
                httpStatus,
                errorMessage,
                generatedText,
                StreamDetails.NONE,
                NOT_REPORTED,
                NOT_REPORTED);
    }

    public RequestRecord {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(errorKind, "errorKind");
        chunkNanos = Objects.requireNonNull(chunkNanos, "chunkNanos").clone();
        chunkTokens = Objects.requireNonNull(chunkTokens, "chunkTokens").clone();
        errorMessage = errorMessage == null ? "" : errorMessage;
        if (chunkNanos.length != chunkTokens.length) {
            throw new IllegalArgumentException(
                    "chunkNanos and chunkTokens differ in length: " + chunkNanos.length + " vs " + chunkTokens.length);
        }
        if (requestedOutputTokens < 0) {
            throw new IllegalArgumentException("requestedOutputTokens is negative: " + requestedOutputTokens);
        }
        if (promptTokens < NOT_REPORTED
                || completionTokens < NOT_REPORTED
                || cachedTokens < NOT_REPORTED
                || retryAfterSeconds < NOT_REPORTED) {
            throw new IllegalArgumentException("token counts must be -1 (not reported) or more");
        }
        if (endNanos < startNanos) {
            throw new IllegalArgumentException("endNanos is before startNanos");
        }
        long previous = startNanos;
        for (int i = 0; i < chunkNanos.length; i++) {
            if (chunkNanos[i] < previous || chunkNanos[i] > endNanos) {
                throw new IllegalArgumentException("chunk " + i + " arrives outside [start, end] or out of order");
            }
            if (chunkTokens[i] < 0) {
                throw new IllegalArgumentException("chunk " + i + " carries a negative token count");
            }
            previous = chunkNanos[i];
        }
        if (errorKind.outcome() != outcome) {
            throw new IllegalArgumentException("error kind " + errorKind + " does not fit outcome " + outcome);
        }
        if (errorKind == ErrorKind.HTTP_STATUS && httpStatus == null) {
            throw new IllegalArgumentException("an HTTP_STATUS error needs the status");
        }
    }

    @Override
    public long[] chunkNanos() {
        return chunkNanos.clone();
    }

    @Override
    public int[] chunkTokens() {
        return chunkTokens.clone();
    }

    public int chunkCount() {
        return chunkNanos.length;
    }

    /** Arrival time of chunk {@code index}, without copying the whole array. */
    public long chunkNanosAt(int index) {
        return chunkNanos[index];
    }

    /** Sum of the tokens the chunks carried: the client's own count of generated tokens. */
    public int chunkTokenSum() {
        int sum = 0;
        for (int tokens : chunkTokens) {
            sum += tokens;
        }
        return sum;
    }

    public boolean completionTokensReported() {
        return completionTokens != NOT_REPORTED;
    }

    /**
     * Where {@link #generatedTokens()} comes from: the server's usage, else llama.cpp's
     * {@code timings.predicted_n}, else the client's own count of the chunks (an estimate).
     */
    public TokenCountSource tokenCountSource() {
        if (completionTokensReported()) {
            return TokenCountSource.USAGE;
        }
        return details.timings().predictedN() >= 0 ? TokenCountSource.TIMINGS : TokenCountSource.CHUNKS;
    }

    /** The number of generated tokens, from the best source there is (see {@link #tokenCountSource()}). */
    public int generatedTokens() {
        return switch (tokenCountSource()) {
            case USAGE -> completionTokens;
            case TIMINGS -> details.timings().predictedN();
            case CHUNKS -> chunkTokenSum();
        };
    }

    public boolean promptTokensReported() {
        return promptTokens != NOT_REPORTED;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RequestRecord that
                && internalId == that.internalId
                && requestedOutputTokens == that.requestedOutputTokens
                && intendedStartNanos == that.intendedStartNanos
                && startNanos == that.startNanos
                && endNanos == that.endNanos
                && promptTokens == that.promptTokens
                && completionTokens == that.completionTokens
                && prompt.equals(that.prompt)
                && Arrays.equals(chunkNanos, that.chunkNanos)
                && Arrays.equals(chunkTokens, that.chunkTokens)
                && outcome == that.outcome
                && errorKind == that.errorKind
                && Objects.equals(httpStatus, that.httpStatus)
                && errorMessage.equals(that.errorMessage)
                && Objects.equals(generatedText, that.generatedText)
                && details.equals(that.details)
                && cachedTokens == that.cachedTokens
                && retryAfterSeconds == that.retryAfterSeconds;
    }

    @Override
    public int hashCode() {
        int result = Objects.hash(
                internalId,
                prompt,
                requestedOutputTokens,
                intendedStartNanos,
                startNanos,
                endNanos,
                promptTokens,
                completionTokens,
                outcome,
                errorKind,
                httpStatus,
                errorMessage,
                generatedText,
                details,
                cachedTokens,
                retryAfterSeconds);
        result = 31 * result + Arrays.hashCode(chunkNanos);
        return 31 * result + Arrays.hashCode(chunkTokens);
    }

    /** A short form: prompts and timelines can be huge, so only their sizes are shown. */
    @Override
    public String toString() {
        return "RequestRecord[internalId=" + internalId + ", outcome=" + outcome + ", errorKind=" + errorKind
                + ", httpStatus=" + httpStatus + ", chunks=" + chunkNanos.length + ", chunkTokens=" + chunkTokenSum()
                + ", promptTokens=" + promptTokens + ", completionTokens=" + completionTokens
                + ", cachedTokens=" + cachedTokens
                + ", requestedOutputTokens=" + requestedOutputTokens + ", promptChars=" + prompt.length()
                + ", errorMessage=" + errorMessage + "]";
    }
}
