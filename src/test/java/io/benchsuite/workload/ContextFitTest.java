package io.benchsuite.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.tokenizer.SimpleTokenizer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fit of prompts to a context, on counts known by construction and on the committed growing prompts. */
class ContextFitTest {

    /** A prompt of {@code n} tokens for {@link #WORDS}: n words. */
    private static String words(int n) {
        return "w ".repeat(n).trim();
    }

    private static final TokenCounter WORDS = text -> text.split(" ").length;

    @Test
    void keepsAPromptExactlyAtTheBudgetAndLeavesOutOneTokenMore() {
        // context 100, output 10, allowance 8: at most 82 prompt tokens
        List<String> prompts = List.of(words(83), words(10), words(82), words(50), words(200));
        ContextFit fit = ContextFit.of(prompts, WORDS, 100, 10, 8);
        assertEquals(List.of(words(10), words(82), words(50)), fit.kept(), "dataset order kept");
        assertEquals(2, fit.leftOut());
        assertEquals(5, fit.total());
        assertEquals(82, fit.longestKeptTokens());
        assertEquals(82, fit.budgetTokens());
        assertFalse(fit.none());
    }

    @Test
    void everyPromptFitsALargeContext() {
        List<String> prompts = List.of(words(3), words(1000));
        ContextFit fit = ContextFit.of(prompts, WORDS, 32768, 1, 8);
        assertEquals(prompts, fit.kept());
        assertEquals(0, fit.leftOut());
        assertEquals(1000, fit.longestKeptTokens());
    }

    @Test
    void noneFitsWhenTheOutputAloneFillsTheContext() {
        ContextFit fit = ContextFit.of(List.of(words(1), words(2)), WORDS, 16, 16, 8);
        assertTrue(fit.none());
        assertEquals(2, fit.leftOut());
        assertEquals(0, fit.longestKeptTokens());
    }

    @Test
    void theEstimateRoundsUpAtThreeCharactersPerToken() {
        assertEquals(0, ContextFit.estimatedTokens(""));
        assertEquals(1, ContextFit.estimatedTokens("a"));
        assertEquals(1, ContextFit.estimatedTokens("abc"));
        assertEquals(2, ContextFit.estimatedTokens("abcd"));
    }

    /**
     * On the growing prompts the tool ships, the estimate never counts fewer tokens than the simulator's
     * tokenizer (about 4 characters per token, as real BPE tokenizers on English prose): every prompt the
     * estimate keeps truly fits, and it keeps at least half of those that do.
     */
    @Test
    void onTheGrowingPromptsTheEstimateKeepsOnlyPromptsThatFit() {
        List<String> growing = DatasetLoader.load(Optional.empty(), 0);
        for (String prompt : growing) {
            int real = SimpleTokenizer.tokenize(prompt).size();
            assertTrue(ContextFit.estimatedTokens(prompt) >= real, real + " tokens estimated lower: " + prompt);
        }
        TokenCounter simulator = text -> SimpleTokenizer.tokenize(text).size();
        ContextFit estimated = ContextFit.of(growing, ContextFit::estimatedTokens, 2048, 1, 8);
        ContextFit counted = ContextFit.of(growing, simulator, 2048, 1, 8);
        assertTrue(counted.kept().containsAll(estimated.kept()));
        assertTrue(
                estimated.kept().size() * 2 >= counted.kept().size(),
                estimated.kept().size() + " kept by the estimate, "
                        + counted.kept().size() + " fit");
        assertTrue(counted.longestKeptTokens() <= 2048 - 1 - 8);
        assertTrue(counted.longestKeptTokens() > 2000, "steps of about 10 tokens: " + counted.longestKeptTokens());
    }
}
