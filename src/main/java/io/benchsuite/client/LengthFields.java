package io.benchsuite.client;

import io.benchsuite.config.Api;
import io.benchsuite.config.Backend;

/**
 * The one table of which exact-length and usage fields each backend gets, per API; {@code docs/requests.md}
 * shows the same table. Every request body is built from it, so no other code decides these fields.
 *
 * <table>
 *   <caption>Fields per backend (C = completions API, chat = chat API)</caption>
 *   <tr><th>backend</th><th>max_tokens</th><th>max_completion_tokens</th><th>min_tokens</th><th>ignore_eos</th>
 *       <th>stream_options</th></tr>
 *   <tr><td>happy_vllm, vllm, sglang, llamacpp</td><td>yes</td><td>-</td><td>yes</td><td>yes</td>
 *       <td>include_usage, continuous_usage_stats</td></tr>
 *   <tr><td>openai, tgi, trtllm</td><td>C</td><td>chat</td><td>-</td><td>-</td><td>include_usage</td></tr>
 *   <tr><td>mistral</td><td>yes</td><td>-</td><td>yes</td><td>-</td><td>-</td></tr>
 * </table>
 *
 * <p>Why: vLLM only stops on EOS after {@code min_tokens}, and {@code ignore_eos} covers stop tokens other
 * than EOS, so vLLM generates exactly the length asked for; its continuous usage lets the client count
 * merged chunks. A plain OpenAI-compatible server gets only standard fields, as several reject unknown ones,
 * so it cannot be made to produce an exact length. OpenAI's chat API names the limit
 * {@code max_completion_tokens} ({@code max_tokens} is refused by its reasoning models; vLLM, SGLang and
 * llama.cpp read both). mistral sends what the original tool sent: {@code min_tokens = max_tokens}, no
 * {@code stream_options}.
 *
 * @param maxTokens           send {@code max_tokens}
 * @param maxCompletionTokens send {@code max_completion_tokens}
 * @param minTokens           send {@code min_tokens} (vLLM's way of forcing the length)
 * @param ignoreEos           send {@code ignore_eos: true}
 * @param includeUsage        send {@code stream_options.include_usage: true} (a final usage chunk)
 * @param continuousUsage     send {@code stream_options.continuous_usage_stats: true} (usage on every chunk)
 */
public record LengthFields(
        boolean maxTokens,
        boolean maxCompletionTokens,
        boolean minTokens,
        boolean ignoreEos,
        boolean includeUsage,
        boolean continuousUsage) {

    public static LengthFields of(Backend backend, Api api) {
        return switch (backend) {
            // SGLang takes vLLM's fields; llama.cpp takes ignore_eos and ignores the fields it does not know.
            case HAPPY_VLLM, VLLM, SGLANG, LLAMACPP -> new LengthFields(true, false, true, true, true, true);
            // TGI's and Triton's OpenAI front ends refuse fields they do not know, as some hosted endpoints do.
            case TGI, TRTLLM, OPENAI ->
                new LengthFields(api == Api.COMPLETIONS, api == Api.CHAT, false, false, true, false);
            case MISTRAL -> new LengthFields(true, false, true, false, false, false);
            case AUTO -> throw new IllegalArgumentException("backend auto must be resolved before a request is built");
        };
    }

    /**
     * Whether the server is told to generate exactly the length asked for. When not, a shorter answer is the
     * model's choice rather than a fault, so requests are not flagged one by one; the run says it once.
     */
    public boolean forcesLength() {
        return minTokens || ignoreEos;
    }
}
