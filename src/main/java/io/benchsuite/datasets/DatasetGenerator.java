package io.benchsuite.datasets;

import io.benchsuite.tokenizer.SimpleTokenizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates the prompt sets from one seed: fixed-length sets of about N tokens each, and the growing set whose
 * prompts step by about {@value #GROWING_STEP} tokens. Pure and deterministic: same seed, same prompts,
 * on any machine. Each file draws from its own stream ({@link Seeds#derive}), and each prompt from its own
 * {@link ProseWriter}, so a file does not change when other files or other counts are asked for (only its
 * own prompt count decides how many prompts it has, and the first ones stay the same).
 */
public final class DatasetGenerator {

    /** The seed of the committed {@code datasets/} folder. */
    public static final long DEFAULT_SEED = 20_261_127L;

    public static final List<Integer> DEFAULT_LENGTHS = List.of(32, 1024, 4096);
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 131_072;
    /** The seed's files hold 1000 prompts; longer prompts get fewer so no default file passes ~4 MB. */
    public static final int MAX_DEFAULT_COUNT = 1000;

    static final int TOKEN_BUDGET_PER_FILE = 1_024_000;
    public static final int GROWING_STEP = 10;
    public static final int GROWING_COUNT = 410;
    /** Growing prompts end at a sentence only within 2 tokens of their target, so the steps stay near 10. */
    static final int GROWING_SLACK = 2;
    /** Prose generated past the target, so the cutter always finds a boundary after it. */
    private static final int LOOKAHEAD_TOKENS = 12;

    private final long seed;

    public DatasetGenerator(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** 1000 prompts, or fewer for long prompts: 250 for 4096 tokens (about a million tokens per file). */
    public static int defaultCount(int length) {
        return Math.max(1, Math.min(MAX_DEFAULT_COUNT, TOKEN_BUDGET_PER_FILE / length));
    }

    /** {@code count} distinct prompts of about {@code length} tokens (at least that, usually a few more). */
    public PromptFile fixedLength(int length, int count) {
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "prompt length must be between " + MIN_LENGTH + " and " + MAX_LENGTH + ": " + length);
        }
        if (count < 1) {
            throw new IllegalArgumentException("prompt count must be positive: " + count);
        }
        Random stream = new Random(Seeds.derive(seed, length));
        List<String> prompts = new ArrayList<>(count);
        Set<String> seen = new HashSet<>(); // membership only; the list keeps the order
        int attempts = 0;
        while (prompts.size() < count) {
            if (++attempts > 2 * count + 100) {
                throw new IllegalStateException(
                        "could not draw " + count + " distinct prompts of " + length + " tokens");
            }
            String prompt = prompt(stream.nextLong(), length, PromptCutter.slack(length));
            if (seen.add(prompt)) {
                prompts.add(prompt);
            }
        }
        return new PromptFile(length, prompts);
    }

    /**
     * {@value #GROWING_COUNT} prompts of about 10, 20, ... 4100 tokens, each starting with a space as the
     * seed's did, stored shuffled (the seed's file was not sorted either).
     */
    public PromptFile growing() {
        Random stream = new Random(Seeds.derive(seed, DatasetFiles.GROWING));
        List<String> prompts = new ArrayList<>(GROWING_COUNT);
        for (int step = 1; step <= GROWING_COUNT; step++) {
            prompts.add(" " + prompt(stream.nextLong(), step * GROWING_STEP, GROWING_SLACK));
        }
        Collections.shuffle(prompts, stream);
        return new PromptFile(DatasetFiles.GROWING, prompts);
    }

    /** All files asked for: the fixed lengths in the order given, then the growing set. */
    public List<PromptFile> generate(List<Integer> lengths, Integer countOrNull, boolean growing) {
        List<PromptFile> files = new ArrayList<>();
        for (int length : lengths) {
            files.add(fixedLength(length, countOrNull != null ? countOrNull : defaultCount(length)));
        }
        if (growing) {
            files.add(growing());
        }
        return files;
    }

    /** Fresh prose from its own writer, cut to about {@code length} tokens. */
    private static String prompt(long promptSeed, int length, int slack) {
        ProseWriter writer = new ProseWriter(new Random(promptSeed));
        int wanted = length + slack + LOOKAHEAD_TOKENS;
        StringBuilder text = new StringBuilder(wanted * 5);
        int tokens = 0;
        while (tokens < wanted) {
            String piece = writer.next();
            text.append(piece);
            tokens += SimpleTokenizer.count(piece);
        }
        return PromptCutter.cut(text.toString(), length, slack);
    }
}
