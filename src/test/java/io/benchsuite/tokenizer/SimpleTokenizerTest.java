package io.benchsuite.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimpleTokenizerTest {

    @Test
    void splitsWordsPunctuationAndSpacesByTheDocumentedRules() {
        assertEquals(List.of("The", " cat", " sat", ","), SimpleTokenizer.tokenize("The cat sat,"));
        assertEquals(List.of("unde", "rsta", "ndin", "g"), SimpleTokenizer.tokenize("understanding"));
        assertEquals(List.of("a", " ", " b", "\n", "c"), SimpleTokenizer.tokenize("a  b\nc"));
        assertEquals(List.of(" ", " !"), SimpleTokenizer.tokenize("  !"));
    }

    @Test
    void tokensConcatenateBackToTheText() {
        String text = " Hello, world!  It's 2026 -- tokens\tand é accents.";
        assertEquals(text, String.join("", SimpleTokenizer.tokenize(text)));
    }

    @Test
    void countAgreesWithTokenize() {
        for (String text : List.of(
                "",
                " ",
                "a",
                "  x  ",
                "Several words, with punctuation; and numbers 12345.",
                "\u00e9t\u00e9 \u00e0 Paris")) {
            assertEquals(SimpleTokenizer.tokenize(text).size(), SimpleTokenizer.count(text), text);
        }
    }
}
