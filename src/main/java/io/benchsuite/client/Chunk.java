package io.benchsuite.client;

import io.benchsuite.record.ServerTimings;

/**
 * What one streamed completion event says, reduced to what a benchmark needs.
 *
 * @param text             visible generated text in this chunk: {@code choices[0].text} or
 *                         {@code choices[0].delta.content} ("" when none)
 * @param reasoningText    a reasoning model's thinking text: {@code delta.reasoning_content} (vLLM, llama.cpp,
 *                         DeepSeek) or {@code delta.reasoning} (newer vLLM, OpenRouter); "" when none
 * @param promptTokens     usage.prompt_tokens, or -1 when the chunk carries no usage
 * @param completionTokens usage.completion_tokens so far, or -1 when the chunk carries no usage
 * @param reasoningTokens  usage.completion_tokens_details.reasoning_tokens, or -1 when not given
 * @param finishReason     the choice's finish_reason, or null
 * @param hasChoice        whether the chunk carried a choice (the final usage-only chunk has none)
 * @param timings          llama.cpp's {@code timings} object, or {@link ServerTimings#NONE}
 * @param errorMessage     the message of an error event sent inside the stream, or null
 * @param cachedTokens     usage.prompt_tokens_details.cached_tokens, or -1 when the chunk does not say
 */
public record Chunk(
        String text,
        String reasoningText,
        int promptTokens,
        int completionTokens,
        int reasoningTokens,
        String finishReason,
        boolean hasChoice,
        ServerTimings timings,
        String errorMessage,
        int cachedTokens) {

    public boolean isError() {
        return errorMessage != null;
    }

    public boolean hasUsage() {
        return completionTokens >= 0;
    }

    /**
     * The one rule of token accounting: a chunk is a token arrival only if it carries non-empty text or
     * reasoning text. Role-only chunks, empty deltas and usage-only chunks are not.
     */
    public boolean isArrival() {
        return !text.isEmpty() || !reasoningText.isEmpty();
    }
}
