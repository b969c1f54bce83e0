package io.benchsuite.simulator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The "model" of one request: picks each token from a fixed word list with a seeded random generator, and
 * applies vLLM's stopping rules in vLLM's order (min_tokens first, then EOS, then stop strings, then
 * max_tokens).
 *
 * <p>Every word is exactly one token for {@link io.benchsuite.tokenizer.SimpleTokenizer} (a leading space and
 * at most four letters, or one punctuation mark), so re-tokenizing the generated text gives back the number
 * reported in {@code usage}, except for the EOS token, which counts but has no text, as in vLLM.
 *
 * <p>With stop strings, text that could be the beginning of a stop string is held back (the last
 * {@code longest stop - 1} characters) until it is either ruled out or the request ends; vLLM does the same
 * so that a stop string never reaches the client.
 */
public final class TextGenerator {

    static final List<String> WORDS = List.of(
            " the", " of", " and", " to", " in", " is", " that", " for", " it", " as", " with", " was", " on", " be",
            " by", " data", " mode", " time", " can", " will", " more", " from", " this", " are", " at", " an", " we",
            " they", " one", " all", " new", " each", " high", " load", " fast", " cach", " run", " test", " llm",
            " gpu", ",", ".", " tok", " ens");

    private final GenerationRequest request;
    private final SplittableRandom random;
    private final int eosAt;
    private final int holdBack;
    private final StringBuilder text = new StringBuilder();
    private int generated;
    private int sentChars;
    private boolean finished;

    public TextGenerator(GenerationRequest request, int meanOutputTokens) {
        this.request = request;
        this.random = new SplittableRandom(request.textSeed());
        this.eosAt = request.ignoreEos()
                ? Integer.MAX_VALUE
                : Math.max(request.minTokens(), eosPoint(random, meanOutputTokens));
        this.holdBack = request.stop().stream().mapToInt(String::length).max().orElse(1) - 1;
    }

    /**
     * The seeded EOS point: uniform between half and one and a half times the mean. A heavier-tailed law
     * (geometric, as a constant per-token EOS probability would give) too often ends a demo request after
     * one or two tokens, which tells a user nothing; the spread is enough to exercise variable lengths.
     */
    private static int eosPoint(SplittableRandom random, int mean) {
        int low = Math.max(1, mean / 2);
        int high = Math.max(low, mean + mean / 2);
        return random.nextInt(low, high + 1);
    }

    public TokenDelta next() {
        if (finished) {
            throw new IllegalStateException("request " + request.id() + " already finished");
        }
        generated++;
        boolean stopsAllowed = generated >= request.minTokens();
        if (stopsAllowed && generated >= eosAt) {
            return finish(FinishReason.STOP, null); // the EOS token: counted, no text
        }
        int before = text.length();
        text.append(WORDS.get(random.nextInt(WORDS.size())));
        if (stopsAllowed && !request.stop().isEmpty()) {
            int from = Math.max(0, before - holdBack);
            int bestIndex = -1;
            String best = null;
            for (String stop : request.stop()) {
                int index = text.indexOf(stop, from);
                if (index >= 0 && (bestIndex < 0 || index < bestIndex)) {
                    bestIndex = index;
                    best = stop;
                }
            }
            if (best != null) {
                text.setLength(bestIndex);
                return finish(FinishReason.STOP, best);
            }
        }
        if (generated >= request.maxTokens()) {
            return finish(FinishReason.LENGTH, null);
        }
        int sendUpTo = Math.max(sentChars, text.length() - holdBack);
        String delta = text.substring(sentChars, sendUpTo);
        sentChars = sendUpTo;
        return new TokenDelta(delta, generated, null, null);
    }

    private TokenDelta finish(FinishReason reason, String stopReason) {
        finished = true;
        // A stop string can end before text already sent only if it started in the held-back part, which
        // was never sent, so the cut never goes below sentChars.
        String delta = text.substring(Math.min(sentChars, text.length()));
        sentChars = text.length();
        return new TokenDelta(delta, generated, reason, stopReason);
    }

    public int generated() {
        return generated;
    }

    public boolean finished() {
        return finished;
    }

    /** All text produced so far, stop string excluded. */
    public String text() {
        return text.toString();
    }
}
