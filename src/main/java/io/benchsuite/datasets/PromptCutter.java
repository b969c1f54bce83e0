package io.benchsuite.datasets;

import io.benchsuite.tokenizer.SimpleTokenizer;
import java.util.List;

/**
 * Cuts generated prose to about a target number of tokens (by {@link SimpleTokenizer}), never inside a word:
 * at the end of a sentence if one ends within a small slack above the target, else at the first word
 * boundary at or above the target. The result has at least {@code target} tokens and usually a few more,
 * like the seed's "N tokens, often a little more" prompts.
 */
final class PromptCutter {

    /** A sentence end may overshoot the target by this fraction (at least one token) to be preferred. */
    static final double SENTENCE_SLACK = 0.02;

    private PromptCutter() {}

    static int slack(int target) {
        return Math.max(1, (int) (target * SENTENCE_SLACK));
    }

    /** The prefix of {@code text} chosen as described above; the text must be long enough to hold it. */
    static String cut(String text, int target) {
        return cut(text, target, slack(target));
    }

    /** As {@link #cut(String, int)} with the sentence-end slack given in tokens. */
    static String cut(String text, int target, int slack) {
        int limit = target + slack;
        List<String> tokens = SimpleTokenizer.tokenize(text);
        int end = 0;
        int firstWordBoundary = -1;
        for (int count = 1; count <= tokens.size() && count <= limit; count++) {
            end += tokens.get(count - 1).length();
            if (count < target || !atWordBoundary(text, end)) {
                continue;
            }
            if (endsSentence(text, end)) {
                return text.substring(0, end);
            }
            if (firstWordBoundary < 0) {
                firstWordBoundary = end;
            }
        }
        if (firstWordBoundary < 0) {
            // no boundary within the slack: take the first one after it (a long word straddles the limit)
            for (int count = limit + 1; count <= tokens.size(); count++) {
                end += tokens.get(count - 1).length();
                if (atWordBoundary(text, end)) {
                    return text.substring(0, end);
                }
            }
            throw new IllegalArgumentException("text of " + tokens.size() + " tokens is too short to cut at " + target);
        }
        return text.substring(0, firstWordBoundary);
    }

    /** After a word or punctuation and before whitespace: never after a newline token, never mid-word. */
    private static boolean atWordBoundary(String text, int end) {
        return !Character.isWhitespace(text.charAt(end - 1))
                && (end == text.length() || Character.isWhitespace(text.charAt(end)));
    }

    private static boolean endsSentence(String text, int end) {
        char last = text.charAt(end - 1);
        if (last == '"' && end >= 2) {
            last = text.charAt(end - 2);
        }
        return last == '.' || last == '?' || last == '!';
    }
}
