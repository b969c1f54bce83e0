package io.benchsuite.workload;

import java.util.function.Supplier;

/**
 * Makes a prompt exactly N tokens long by the server's own count (for {@code --exact-input-lengths}); without
 * it, dataset lengths are only approximate, since they were measured with the simulator's tokenizer.
 *
 * <p>A prompt that is too short is extended with more prose from {@code continuation}, in batches sized from
 * the text's characters per token so that few counts are needed. A prompt that is too long (or became so) is
 * trimmed: a binary search on the cut position finds the longest prefix of at most N tokens, which assumes
 * only that a longer prefix never has fewer tokens. The result is counted once more to verify it; if the
 * tokenizer jumps over N at that point, the neighbouring cut positions are tried before giving up.
 */
public final class PromptLengthFitter {

    /** Extension overshoots the estimate by this factor so one round usually suffices. */
    private static final double EXTEND_MARGIN = 1.25;
    /** Cut positions tried on each side when the longest prefix of at most N tokens has fewer than N. */
    private static final int NEIGHBOURS = 16;

    private final TokenCounter counter;
    private final Supplier<String> continuation;

    /**
     * @param counter the server's token count
     * @param continuation more prose to extend short prompts with, one piece per call (for example
     *                     {@code new ProseWriter(new Random(seed))::next}); a space is put in front of a piece
     *                     that does not start with whitespace
     */
    public PromptLengthFitter(TokenCounter counter, Supplier<String> continuation) {
        this.counter = counter;
        this.continuation = continuation;
    }

    public FittedPrompt fit(String prompt, int target) {
        if (target < 1) {
            throw new IllegalArgumentException("target token count must be positive: " + target);
        }
        Counting counting = new Counting(counter);
        String text = prompt;
        int tokens = counting.count(text);
        if (tokens == target) {
            return new FittedPrompt(text, tokens, counting.calls);
        }
        int knownShort = 0; // a cut position whose count is at most the target (the empty prefix at first)
        while (tokens < target) {
            knownShort = text.length();
            text = extend(text, tokens, target);
            int extendedTokens = counting.count(text);
            if (extendedTokens <= tokens) {
                throw new IllegalStateException(
                        "the token count stays at " + tokens + ", below " + target + ", however much text is added");
            }
            tokens = extendedTokens;
        }
        if (tokens == target) {
            return new FittedPrompt(text, tokens, counting.calls);
        }
        int cut = longestPrefixWithin(counting, text, target, knownShort);
        String fitted = text.substring(0, cut);
        int fittedTokens = counting.count(fitted);
        if (fittedTokens != target) {
            return nearbyExactCut(counting, text, cut, target);
        }
        return new FittedPrompt(fitted, fittedTokens, counting.calls);
    }

    private String extend(String text, int tokens, int target) {
        double charsPerToken = tokens > 0 ? (double) text.length() / tokens : 4.0;
        int wantedChars = (int) Math.ceil((target - tokens) * charsPerToken * EXTEND_MARGIN) + 1;
        StringBuilder extended = new StringBuilder(text);
        int added = 0;
        while (added < wantedChars) {
            String piece = continuation.get();
            if (!piece.isEmpty() && !Character.isWhitespace(piece.charAt(0)) && extended.length() > 0) {
                extended.append(' ');
                added++;
            }
            extended.append(piece);
            added += piece.length();
        }
        return extended.toString();
    }

    /** Binary search for the largest cut with count at most target; count(text) is known to exceed it. */
    private static int longestPrefixWithin(Counting counting, String text, int target, int knownShort) {
        int low = knownShort; // count(low) <= target (0 is the empty prefix)
        int high = text.length(); // count(high) > target
        while (high - low > 1) {
            int mid = safeCut(text, low + (high - low) / 2, low, high);
            if (mid == low || mid == high) {
                break;
            }
            if (counting.count(text.substring(0, mid)) <= target) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static FittedPrompt nearbyExactCut(Counting counting, String text, int cut, int target) {
        for (int distance = 1; distance <= NEIGHBOURS; distance++) {
            for (int candidate : new int[] {cut - distance, cut + distance}) {
                if (candidate <= 0 || candidate > text.length() || splitsSurrogatePair(text, candidate)) {
                    continue;
                }
                String fitted = text.substring(0, candidate);
                if (counting.count(fitted) == target) {
                    return new FittedPrompt(fitted, target, counting.calls);
                }
            }
        }
        throw new IllegalStateException("no cut of the prompt has exactly " + target + " tokens (the tokenizer "
                + "goes past " + target + " near character " + cut + ")");
    }

    /** Moves a cut off the middle of a surrogate pair, staying strictly between low and high if it can. */
    private static int safeCut(String text, int cut, int low, int high) {
        if (!splitsSurrogatePair(text, cut)) {
            return cut;
        }
        return cut - 1 > low ? cut - 1 : cut + 1 < high ? cut + 1 : cut;
    }

    private static boolean splitsSurrogatePair(String text, int cut) {
        return cut > 0
                && cut < text.length()
                && Character.isHighSurrogate(text.charAt(cut - 1))
                && Character.isLowSurrogate(text.charAt(cut));
    }

    /** Counts through the counter and keeps the number of calls, which the caller may want to report. */
    private static final class Counting {
        private final TokenCounter counter;
        private int calls;

        Counting(TokenCounter counter) {
            this.counter = counter;
        }

        int count(String text) {
            calls++;
            return counter.count(text);
        }
    }
}
