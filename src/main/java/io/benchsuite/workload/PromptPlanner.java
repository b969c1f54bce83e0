package io.benchsuite.workload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Prepares a dataset for one run as the seed did, but from a seed so the run can be repeated:
 * <ol>
 *   <li>a random prefix of {@value #PREFIX_LENGTH} ASCII letters goes directly in front of every prompt, so a
 *       server's automatic prefix cache cannot reuse work from an earlier run;</li>
 *   <li>the prompts are shuffled;</li>
 *   <li>the list is augmented to exactly {@code maxQueries} prompts ({@link #augment}).</li>
 * </ol>
 * The seed drives one {@link Random} (an algorithm fixed by the JDK's specification), used for the prefix and
 * then for the shuffle, so the same dataset and seed always give the same plan.
 */
public final class PromptPlanner {

    public static final int PREFIX_LENGTH = 4;
    static final String PREFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private PromptPlanner() {}

    public static PromptPlan plan(List<String> dataset, int maxQueries, long seed) {
        if (dataset.isEmpty()) {
            throw new IllegalArgumentException("the dataset holds no prompts");
        }
        Random random = new Random(seed);
        String prefix = prefix(random);
        List<String> prompts = new ArrayList<>(dataset.size());
        for (String prompt : dataset) {
            prompts.add(prefix + prompt);
        }
        Collections.shuffle(prompts, random);
        List<String> augmented = augment(prompts, maxQueries);
        List<PlannedPrompt> planned = new ArrayList<>(augmented.size());
        for (int i = 0; i < augmented.size(); i++) {
            planned.add(new PlannedPrompt(i, augmented.get(i)));
        }
        return new PromptPlan(seed, prefix, planned);
    }

    static String prefix(Random random) {
        char[] letters = new char[PREFIX_LENGTH];
        for (int i = 0; i < letters.length; i++) {
            letters[i] = PREFIX_ALPHABET.charAt(random.nextInt(PREFIX_ALPHABET.length()));
        }
        return new String(letters);
    }

    /**
     * Exactly {@code maxQueries} prompts: the list itself, then, while that is too short, whole copies of it
     * with "0 ", "1 ", ... in front (so the copies are new prompts to a prefix cache too), cut at the end.
     * From [a, b] and 5: [a, b, "0 a", "0 b", "1 a"].
     */
    public static List<String> augment(List<String> prompts, int maxQueries) {
        if (maxQueries < 1) {
            throw new IllegalArgumentException("max queries must be positive: " + maxQueries);
        }
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("cannot augment an empty list of prompts");
        }
        List<String> augmented = new ArrayList<>(maxQueries);
        for (int i = 0; i < maxQueries && i < prompts.size(); i++) {
            augmented.add(prompts.get(i));
        }
        for (int copy = 0; augmented.size() < maxQueries; copy++) {
            String marker = copy + " ";
            for (int i = 0; i < prompts.size() && augmented.size() < maxQueries; i++) {
                augmented.add(marker + prompts.get(i));
            }
        }
        return List.copyOf(augmented);
    }
}
