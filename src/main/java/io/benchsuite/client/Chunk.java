package io.benchsuite.client;

/**
 * What one streamed completion event says, reduced to what a benchmark needs.
 *
 * @param text generated text in this chunk ("" when none)
 * @param promptTokens usage.prompt_tokens, or -1 when the chunk carries no usage
 * @param completionTokens usage.completion_tokens so far, or -1 when the chunk carries no usage
 * @param finishReason the choice's finish_reason, or null
 * @param hasChoice whether the chunk carried a choice (the final usage-only chunk has none)
 * @param errorMessage the message of an error event sent inside the stream, or null
 * @param cachedTokens usage.prompt_tokens_details.cached_tokens, or -1 when the chunk does not say
 */
public record Chunk(String text, int promptTokens, int completionTokens, String finishReason, boolean hasChoice,
        String errorMessage, int cachedTokens) {

    public Chunk(String text, int promptTokens, int completionTokens, String finishReason, boolean hasChoice,
            String errorMessage) {
        this(text, promptTokens, completionTokens, finishReason, hasChoice, errorMessage, -1);
    }

    public boolean isError() {
        return errorMessage != null;
    }

    public boolean hasUsage() {
        return completionTokens >= 0;
    }
}
