package io.benchsuite.tokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * The deterministic tokenizer shared by the simulator ({@code /tokenize}, usage counts, context limit) and
 * the dataset generator. It is not a real BPE, but it is close enough in ratio to real tokenizers on
 * English prose (about 1.3 tokens per word, 4 characters per token) for lengths to mean the same thing.
 *
 * <p>Rules, applied left to right:
 * <ul>
 *   <li>a run of letters or digits is cut into pieces of at most {@value #MAX_WORD_PIECE} characters, each a
 *       token;</li>
 *   <li>any other non-whitespace character is a token on its own;</li>
 *   <li>one space directly before a letter, digit or other non-space character belongs to the token that
 *       follows (as in GPT-style tokenizers); every other whitespace character is a token on its own.</li>
 * </ul>
 * Concatenating the tokens gives back the text exactly.
 */
public final class SimpleTokenizer {

    public static final int MAX_WORD_PIECE = 4;

    private SimpleTokenizer() {}

    public static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int start = i;
            char c = text.charAt(i);
            if (c == ' ' && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1))) {
                i++; // the space joins the next token
                c = text.charAt(i);
            }
            if (Character.isLetterOrDigit(c)) {
                int pieceEnd = i;
                while (pieceEnd < n
                        && pieceEnd - i < MAX_WORD_PIECE
                        && Character.isLetterOrDigit(text.charAt(pieceEnd))) {
                    pieceEnd++;
                }
                i = pieceEnd;
            } else {
                i += Character.charCount(text.codePointAt(i));
            }
            tokens.add(text.substring(start, i));
        }
        return tokens;
    }

    /** Same as {@code tokenize(text).size()} without building the list. */
    public static int count(String text) {
        int count = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1))) {
                i++;
                c = text.charAt(i);
            }
            if (Character.isLetterOrDigit(c)) {
                int start = i;
                while (i < n && i - start < MAX_WORD_PIECE && Character.isLetterOrDigit(text.charAt(i))) {
                    i++;
                }
            } else {
                i += Character.charCount(text.codePointAt(i));
            }
            count++;
        }
        return count;
    }
}
