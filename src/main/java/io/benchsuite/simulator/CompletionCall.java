package io.benchsuite.simulator;

/**
 * A parsed, validated completion or chat request: how to answer, and what to generate.
 *
 * @param chat            true for {@code /v1/chat/completions}
 * @param stream          SSE answer rather than one JSON document
 * @param includeUsage    {@code stream_options.include_usage}: a final chunk with {@code choices: []} and usage
 * @param continuousUsage {@code stream_options.continuous_usage_stats}: running usage on every chunk
 * @param model           the served model name, echoed in responses
 * @param created         epoch seconds, the {@code created} field
 * @param generation      what the engine generates
 * @param reasoningTokens the first this many generated tokens are reasoning (chat only; 0 for none)
 * @param cachedTokens    prompt tokens found in the prefix cache, reported as
 *                        {@code usage.prompt_tokens_details.cached_tokens} when above 0
 */
record CompletionCall(
        boolean chat,
        boolean stream,
        boolean includeUsage,
        boolean continuousUsage,
        String model,
        long created,
        GenerationRequest generation,
        int reasoningTokens,
        int cachedTokens) {

    /** Whether the token that brings the count to {@code completionTokens} is streamed as reasoning. */
    boolean isReasoning(int completionTokens) {
        return completionTokens <= reasoningTokens;
    }

    int promptTokens() {
        return generation.promptTokens();
    }
}
