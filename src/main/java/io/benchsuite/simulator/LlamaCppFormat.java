package io.benchsuite.simulator;

import java.util.Locale;

/**
 * Stream chunks in llama.cpp's {@code llama-server} shape (OpenAI-compatible routes, as of build b4764; see
 * {@code src/test/resources/server-output/llamacpp-b4764-sse-final-chunk-usage-and-timings.txt}):
 * <ul>
 *   <li>every token chunk has {@code "finish_reason": null}, even the last token's, and no {@code usage};</li>
 *   <li>then one last choice chunk with empty text ({@code "text": ""}, or {@code "delta": {}} in a chat), the
 *       finish reason, {@code usage} (whatever {@code stream_options} said) and llama.cpp's own
 *       {@code timings}: {@code prompt_n} (prompt tokens evaluated, the cached ones left out),
 *       {@code prompt_ms}, {@code predicted_n}, {@code predicted_ms} and the per-token and per-second forms;</li>
 *   <li>then {@code data: [DONE]}.</li>
 * </ul>
 */
final class LlamaCppFormat {

    /** What llama.cpp puts in {@code system_fingerprint}: its build number and commit. */
    static final String FINGERPRINT = "b4764-7ad0779f";

    private final CompletionCall call;
    private final String tail;

    LlamaCppFormat(CompletionCall call) {
        this.call = call;
        this.tail = ",\"created\":" + call.created()
                + ",\"id\":" + JsonText.quote(call.generation().id())
                + ",\"model\":" + JsonText.quote(call.model())
                + ",\"system_fingerprint\":\"" + FINGERPRINT + "\""
                + ",\"object\":\"" + (call.chat() ? "chat.completion.chunk" : "text_completion") + "\"";
    }

    /**
     * A token's chunk: its text, never a finish reason (that comes with the last chunk). A reasoning model's
     * first tokens are {@code reasoning_content}, as llama.cpp streams them with a reasoning format set.
     */
    String tokenChunk(TokenDelta delta) {
        return "data: {\"choices\":["
                + choice(JsonText.quote(delta.text()), "null", call.isReasoning(delta.completionTokens())) + "]" + tail
                + "}\n\n";
    }

    /** The first chunk of a chat: the assistant role, content null. */
    String roleChunk() {
        return "data: {\"choices\":[{\"finish_reason\":null,\"index\":0,\"delta\":{\"role\":\"assistant\","
                + "\"content\":null}}]" + tail + "}\n\n";
    }

    /**
     * The last choice chunk: no text, the finish reason, the usage and the timings.
     *
     * @param promptMs    milliseconds from the request's arrival to its first token
     * @param predictedMs milliseconds from the first token to the last
     */
    String finalChunk(TokenDelta last, double promptMs, double predictedMs) {
        int prompt = call.promptTokens();
        int completion = last.completionTokens();
        StringBuilder out = new StringBuilder(512)
                .append("data: {\"choices\":[")
                .append(choice(null, JsonText.quote(last.finishReason().wireName()), false))
                .append(']')
                .append(tail)
                .append(",\"usage\":{\"completion_tokens\":")
                .append(completion)
                .append(",\"prompt_tokens\":")
                .append(prompt)
                .append(",\"total_tokens\":")
                .append(prompt + completion);
        ResponseFormat.appendCachedTokens(out, call.cachedTokens());
        int evaluated = Math.max(0, prompt - call.cachedTokens());
        return out.append("},\"timings\":{")
                .append("\"prompt_n\":")
                .append(evaluated)
                .append(",\"prompt_ms\":")
                .append(number(promptMs))
                .append(",\"prompt_per_token_ms\":")
                .append(number(evaluated == 0 ? 0 : promptMs / evaluated))
                .append(",\"prompt_per_second\":")
                .append(number(promptMs <= 0 ? 0 : evaluated * 1000 / promptMs))
                .append(",\"predicted_n\":")
                .append(completion)
                .append(",\"predicted_ms\":")
                .append(number(predictedMs))
                .append(",\"predicted_per_token_ms\":")
                .append(number(completion == 0 ? 0 : predictedMs / completion))
                .append(",\"predicted_per_second\":")
                .append(number(predictedMs <= 0 ? 0 : completion * 1000 / predictedMs))
                .append("}}\n\n")
                .toString();
    }

    /**
     * @param text      the quoted text, or null for the last chunk's empty one
     * @param reasoning the text is reasoning (chat only)
     */
    private String choice(String text, String finishReason, boolean reasoning) {
        if (call.chat()) {
            return "{\"finish_reason\":" + finishReason + ",\"index\":0,\"delta\":"
                    + (text == null ? "{}" : "{\"" + (reasoning ? "reasoning_content" : "content") + "\":" + text + "}")
                    + "}";
        }
        return "{\"text\":" + (text == null ? "\"\"" : text) + ",\"index\":0,\"logprobs\":null,\"finish_reason\":"
                + finishReason + "}";
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
