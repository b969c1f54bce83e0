package io.benchsuite.simulator;

import java.util.List;

/**
 * A validated generation request as the engine sees it: lengths in tokens and the stopping rules.
 *
 * @param id           the response id ({@code cmpl-...} or {@code chatcmpl-...})
 * @param promptTokens prompt length by {@link io.benchsuite.tokenizer.SimpleTokenizer}
 * @param maxTokens    hard limit on generated tokens (already defaulted to the context left)
 * @param minTokens    no EOS and no stop string before this many tokens
 * @param ignoreEos    true: generate until max_tokens or a stop string
 * @param stop         stop strings; the matched one is cut from the text and reported as stop_reason
 * @param textSeed     seeds the words and the EOS point of this request
 */
public record GenerationRequest(
        String id,
        int promptTokens,
        int maxTokens,
        int minTokens,
        boolean ignoreEos,
        List<String> stop,
        long textSeed) {

    public GenerationRequest {
        stop = List.copyOf(stop);
    }
}
