package io.benchsuite.simulator;

/**
 * One request inside an engine: its text generator, the KV blocks it holds, and the timestamps the driver
 * needs for the latency histograms. Mutable, owned by one engine thread.
 */
final class Sequence {

    final GenerationRequest request;
    final TextGenerator generator;
    final TokenListener listener;
    final long arrivalNanos;
    int blocksHeld;
    long lastTokenNanos;
    int preemptions;

    Sequence(GenerationRequest request, TextGenerator generator, TokenListener listener, long arrivalNanos) {
        this.request = request;
        this.generator = generator;
        this.listener = listener;
        this.arrivalNanos = arrivalNanos;
    }

    /** Tokens whose KV entries the sequence needs: the prompt and everything generated so far. */
    int tokensHeld() {
        return request.promptTokens() + generator.generated();
    }
}
