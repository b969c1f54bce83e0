package io.benchsuite.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.datasets.DatasetGenerator;
import io.benchsuite.datasets.ProseWriter;
import io.benchsuite.tokenizer.SimpleTokenizer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PromptLengthFitterTest {

    private static final List<String> PROMPTS =
            new DatasetGenerator(1).fixedLength(256, 20).prompts();

    private static PromptLengthFitter fitter(TokenCounter counter) {
        return new PromptLengthFitter(counter, new ProseWriter(new Random(5))::next);
    }

    @Test
    void trimsLongPromptsToExactlyTheTargetKeepingTheirStart() {
        PromptLengthFitter fitter = fitter(SimpleTokenizer::count);
        for (String prompt : PROMPTS) {
            for (int target : new int[] {1, 7, 100, 255}) {
                FittedPrompt fitted = fitter.fit(prompt, target);
                assertEquals(target, SimpleTokenizer.count(fitted.text()));
                assertEquals(target, fitted.tokens());
                assertTrue(prompt.startsWith(fitted.text()));
            }
        }
    }

    @Test
    void extendsShortPromptsWithMoreProse() {
        PromptLengthFitter fitter = fitter(SimpleTokenizer::count);
        for (int target : new int[] {300, 1000, 4096}) {
            FittedPrompt fitted = fitter.fit("Once there was a small town.", target);
            assertEquals(target, SimpleTokenizer.count(fitted.text()));
            String start = "Once there was a small town.";
            assertTrue(fitted.text().startsWith(start), fitted.text());
            assertTrue(
                    Character.isWhitespace(fitted.text().charAt(start.length())),
                    "prose follows a space or " + "a paragraph break");
            assertTrue(fitted.counterCalls() <= 24, fitted.counterCalls() + " counts for " + target);
        }
    }

    @Test
    void aPromptAlreadyOfTheRightLengthIsKeptAfterOneCount() {
        String prompt = PROMPTS.get(0);
        FittedPrompt fitted = fitter(SimpleTokenizer::count).fit(prompt, SimpleTokenizer.count(prompt));
        assertEquals(prompt, fitted.text());
        assertEquals(1, fitted.counterCalls());
    }

    @Test
    void fitsToTheServersCountEvenWhenItAddsABeginningToken() {
        FittedPrompt fitted = fitter(text -> SimpleTokenizer.count(text) + 1).fit(PROMPTS.get(3), 50);
        assertEquals(49, SimpleTokenizer.count(fitted.text()));
    }

    @Test
    void trimmingNeedsAboutLogTwoOfTheLengthCounts() {
        String longPrompt =
                new DatasetGenerator(2).fixedLength(4096, 1).prompts().get(0);
        FittedPrompt fitted = fitter(SimpleTokenizer::count).fit(longPrompt, 2000);
        // 1 count of the prompt, about log2(chars) = 14 for the search, 1 to verify
        assertTrue(fitted.counterCalls() <= 18, fitted.counterCalls() + " counts");
    }

    @Test
    void neverCutsASurrogatePairInHalf() {
        String emoji = "\uD83D\uDE00";
        String prompt = (emoji + " ").repeat(200);
        FittedPrompt fitted = fitter(SimpleTokenizer::count).fit(prompt, 101);
        assertEquals(101, SimpleTokenizer.count(fitted.text()));
        char last = fitted.text().charAt(fitted.text().length() - 1);
        assertTrue(!Character.isHighSurrogate(last), "ends in half a character");
    }

    @Test
    void aTokenizerThatSkipsTheTargetIsReported() {
        // counts two tokens per word: no prefix has an odd count
        TokenCounter evenOnly = text -> 2 * text.split(" ", -1).length;
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> fitter(evenOnly).fit("a b c d e f g h", 5));
        assertTrue(e.getMessage().contains("exactly 5 tokens"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> fitter(SimpleTokenizer::count).fit("x", 0));
    }

    @Test
    void aCounterThatNeverGrowsIsReportedNotLoopedOn() {
        assertThrows(IllegalStateException.class, () -> fitter(text -> 3).fit("short", 10));
    }
}
