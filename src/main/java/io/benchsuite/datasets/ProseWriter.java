package io.benchsuite.datasets;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * An endless, seeded stream of English prose about two people in a small town: narrative paragraphs of three
 * to seven sentences, now and then an exchange of dialogue with one line per paragraph. The same
 * {@link Random} state always gives the same text.
 *
 * <p>Each call to {@link #next()} returns one sentence or dialogue line. The first one of the stream has no
 * leading whitespace; later ones start with a space (same paragraph) or a blank line (new paragraph), so
 * the pieces concatenate into the text and their token counts simply add up.
 */
public final class ProseWriter {

    private static final double DIALOGUE_CHANCE = 0.22;
    private static final double OPENER_CHANCE = 0.3;
    private static final double NEW_FRIEND_CHANCE = 0.08;
    /** Patterns used this recently are drawn again, to keep neighbouring sentences from repeating. */
    private static final int RECENT_PATTERNS = 12;

    private final Random random;
    private final Map<String, String[]> bindings = new HashMap<>(); // looked up only, never iterated
    private final Deque<Template> recent = new ArrayDeque<>();
    private final Deque<String> paragraph = new ArrayDeque<>();
    private boolean started;
    private boolean lastWasDialogue;

    public ProseWriter(Random random) {
        this.random = random;
        String[] hero = pick(Lexicon.entries("name"));
        bindings.put("hero", hero);
        bindings.put("friend", otherThan(hero));
        bindings.put("town", pick(Lexicon.entries("town")));
    }

    /** The next sentence or dialogue line, with the whitespace that separates it from the previous one. */
    public String next() {
        boolean newParagraph = paragraph.isEmpty();
        if (newParagraph) {
            planParagraph();
        }
        String sentence = paragraph.poll();
        String separator = !started ? "" : newParagraph ? "\n\n" : " ";
        started = true;
        return separator + sentence;
    }

    private void planParagraph() {
        if (random.nextDouble() < NEW_FRIEND_CHANCE) {
            bindings.put("friend", otherThan(bindings.get("hero")));
        }
        boolean dialogue =
                started && (lastWasDialogue ? random.nextDouble() < 0.6 : random.nextDouble() < DIALOGUE_CHANCE);
        if (dialogue) {
            paragraph.add(dialogueLine());
        } else {
            int sentences = 3 + random.nextInt(5);
            for (int i = 0; i < sentences; i++) {
                List<Template> source =
                        i == 0 && random.nextDouble() < OPENER_CHANCE ? Patterns.OPENERS : Patterns.NARRATIVE;
                bindings.put("name", stranger());
                paragraph.add(sentenceCase(fresh(source).fill(random, bindings)));
            }
        }
        lastWasDialogue = dialogue;
    }

    /** One line of an exchange between the two people; who speaks is drawn per line. */
    private String dialogueLine() {
        bindings.put("name", stranger());
        Map<String, String[]> line = new HashMap<>(bindings);
        line.put("sp", random.nextBoolean() ? bindings.get("hero") : bindings.get("friend"));
        line.put("S", new String[] {fresh(Patterns.STATEMENTS).fill(random, bindings)});
        line.put("Q", new String[] {fresh(Patterns.QUESTIONS).fill(random, bindings)});
        return sentenceCase(fresh(Patterns.DIALOGUE).fill(random, line));
    }

    private Template fresh(List<Template> source) {
        Template chosen = pick(source);
        for (int attempt = 0; attempt < 3 && recent.contains(chosen); attempt++) {
            chosen = pick(source);
        }
        recent.addLast(chosen);
        if (recent.size() > RECENT_PATTERNS) {
            recent.removeFirst();
        }
        return chosen;
    }

    private String[] otherThan(String[] person) {
        String[] other = pick(Lexicon.entries("name"));
        while (other == person) {
            other = pick(Lexicon.entries("name"));
        }
        return other;
    }

    /** A third person for the sentence, never one of the two the prompt follows. */
    private String[] stranger() {
        String[] person = pick(Lexicon.entries("name"));
        while (person == bindings.get("hero") || person == bindings.get("friend")) {
            person = pick(Lexicon.entries("name"));
        }
        return person;
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /**
     * Capitalizes the first letter of the text and the first letter after a '.', '?' or '!' followed by a
     * space (an opening quote may come between). A '?"' followed by "asked" stays lower case, as it should.
     * Character.toUpperCase is locale-independent, so the output does not depend on the machine.
     */
    static String sentenceCase(String text) {
        char[] chars = text.toCharArray();
        boolean capitalizeNext = true;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (capitalizeNext && Character.isLetter(c)) {
                chars[i] = Character.toUpperCase(c);
                capitalizeNext = false;
            } else if (capitalizeNext && c != '"' && c != ' ') {
                capitalizeNext = false;
            }
            if ((c == '.' || c == '?' || c == '!') && i + 1 < chars.length && chars[i + 1] == ' ') {
                capitalizeNext = true;
            }
        }
        return new String(chars);
    }
}
