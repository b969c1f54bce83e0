package io.benchsuite.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.benchsuite.tokenizer.SimpleTokenizer;
import org.junit.jupiter.api.Test;

class PromptCutterTest {

    // tokens: "One" " two" " thre" "e" "." " Four" " five" " six" " seve" "n" "." (11)
    private static final String TEXT = "One two three. Four five six seven.";

    @Test
    void cutsAtTheFirstWordBoundaryAtOrAboveTheTarget() {
        assertEquals("One two three. Four", PromptCutter.cut(TEXT, 6));
        assertEquals("One two", PromptCutter.cut(TEXT, 2));
    }

    @Test
    void neverCutsInsideAWordEvenIfThatOvershootsTheSlack() {
        // 3 tokens ends inside "three"; the next boundary is after the full stop, at 5 tokens
        assertEquals("One two three.", PromptCutter.cut(TEXT, 3));
    }

    @Test
    void prefersASentenceEndWithinTheSlack() {
        String text = "w" + " w".repeat(100) + ". Then more words follow here.";
        // slack for 100 is 2 tokens: the full stop at token 102 wins over the word boundary at 100
        String cut = PromptCutter.cut(text, 100);
        assertEquals(2, PromptCutter.slack(100));
        assertEquals(102, SimpleTokenizer.count(cut));
        assertEquals('.', cut.charAt(cut.length() - 1));
        String noNearEnd = "w" + " w".repeat(110) + ".";
        assertEquals(100, SimpleTokenizer.count(PromptCutter.cut(noNearEnd, 100)));
    }

    @Test
    void aClosingQuoteAfterPunctuationEndsASentence() {
        String text = "w" + " w".repeat(98) + " \"Go.\" More words.";
        // 99 tokens of "w", then ' "' (100), "Go" (101), "." (102), '"' (103), " More" (104)
        // target 99, slack 1: no sentence end by token 100, so the word boundary after token 99
        assertEquals(99, SimpleTokenizer.count(PromptCutter.cut(text, 99)));
        // target 101, slack 2: the quote closing "Go." at token 103 ends a sentence
        String cut = PromptCutter.cut(text, 101);
        assertEquals("\"Go.\"", cut.substring(cut.length() - 5));
    }

    @Test
    void rejectsTextThatIsTooShort() {
        assertThrows(IllegalArgumentException.class, () -> PromptCutter.cut("Too short.", 10));
    }
}
