package io.benchsuite.datasets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One sentence pattern with slots, parsed once. A slot is written in braces and holds one or more words
 * separated by spaces, each {@code class[.form][#tag]}:
 * <ul>
 *   <li>{@code class} is a {@link Lexicon} word class, or a name bound by the caller ({@code hero},
 *       {@code friend}, a third person {@code name}, {@code town}, the speaker {@code sp}, spoken lines
 *       {@code S} and {@code Q});</li>
 *   <li>{@code .form} picks a form of the word ({@code pl}, {@code past}, {@code ing}, {@code s}, {@code pp}, and for
 *       people {@code he}, {@code him}, {@code his});</li>
 *   <li>{@code #tag} makes every use of the same class and tag in one sentence the same word, so a
 *       sentence can refer back to "the lantern" it introduced.</li>
 * </ul>
 * A slot that starts with {@code a } gets the indefinite article that fits the word after it
 * ({@code {a adj noun}} gives "an old lantern").
 */
final class Template {

    /** Names the prose writer binds per prompt, paragraph or line instead of drawing from the lexicon. */
    static final Set<String> BOUND = Set.of("hero", "friend", "name", "town", "sp", "S", "Q");

    /** {@code class[.form][#tag]}. */
    private static final Pattern WORD = Pattern.compile("([A-Za-z]+)(?:\\.([a-z]+))?(?:#([0-9a-z]+))?");

    private sealed interface Part permits Literal, Slot {}

    private record Literal(String text) implements Part {}

    private record Word(String wordClass, String form, String tag) {}

    private record Slot(boolean article, List<Word> words) implements Part {}

    private final String pattern;
    private final List<Part> parts;

    private Template(String pattern, List<Part> parts) {
        this.pattern = pattern;
        this.parts = parts;
    }

    static Template parse(String pattern) {
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < pattern.length()) {
            int open = pattern.indexOf('{', i);
            if (open < 0) {
                parts.add(new Literal(pattern.substring(i)));
                break;
            }
            if (open > i) {
                parts.add(new Literal(pattern.substring(i, open)));
            }
            int close = pattern.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed slot in template: " + pattern);
            }
            parts.add(slot(pattern.substring(open + 1, close), pattern));
            i = close + 1;
        }
        return new Template(pattern, List.copyOf(parts));
    }

    private static Slot slot(String body, String pattern) {
        List<String> items = new ArrayList<>(List.of(body.trim().split(" +")));
        boolean article = items.get(0).equals("a");
        if (article) {
            items.remove(0);
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException("empty slot in template: " + pattern);
        }
        List<Word> words = new ArrayList<>();
        for (String item : items) {
            Matcher m = WORD.matcher(item);
            if (!m.matches()) {
                throw new IllegalArgumentException("bad slot word '" + item + "' in template: " + pattern);
            }
            String wordClass = m.group(1);
            if (!BOUND.contains(wordClass) && !Lexicon.has(wordClass)) {
                throw new IllegalArgumentException("unknown word class '" + wordClass + "' in template: " + pattern);
            }
            words.add(new Word(wordClass, Objects.toString(m.group(2), ""), Objects.toString(m.group(3), "")));
        }
        return new Slot(article, List.copyOf(words));
    }

    /**
     * Fills the slots: bound names come from {@code bindings}, everything else is drawn uniformly from the
     * lexicon with {@code random}, in slot order, so the same random state gives the same sentence.
     */
    String fill(Random random, Map<String, String[]> bindings) {
        StringBuilder out = new StringBuilder(pattern.length() + 40);
        Map<String, String[]> tagged = new HashMap<>(4); // only looked up, never iterated
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                out.append(literal.text());
                continue;
            }
            Slot slot = (Slot) part;
            StringBuilder words = new StringBuilder();
            for (Word word : slot.words()) {
                String[] entry = entry(word, random, bindings, tagged);
                if (words.length() > 0) {
                    words.append(' ');
                }
                words.append(form(entry, word.form()));
            }
            if (slot.article()) {
                out.append(article(words)).append(' ');
            }
            out.append(words);
        }
        return out.toString();
    }

    private static String[] entry(
            Word word, Random random, Map<String, String[]> bindings, Map<String, String[]> tagged) {
        if (BOUND.contains(word.wordClass())) {
            String[] bound = bindings.get(word.wordClass());
            if (bound == null) {
                throw new IllegalStateException("template needs '" + word.wordClass() + "' bound");
            }
            return bound;
        }
        if (!word.tag().isEmpty()) {
            return tagged.computeIfAbsent(word.wordClass() + '#' + word.tag(), k -> draw(word, random));
        }
        return draw(word, random);
    }

    private static String[] draw(Word word, Random random) {
        List<String[]> entries = Lexicon.entries(word.wordClass());
        return entries.get(random.nextInt(entries.size()));
    }

    private static String form(String[] entry, String form) {
        boolean female = entry.length > 1 && entry[1].equals("f");
        return switch (form) {
            case "" -> entry[0];
            case "pl", "past" -> entry[1];
            case "ing" -> entry[2];
            case "s" -> entry[3];
            case "pp" -> entry[4];
            case "he" -> female ? "she" : "he";
            case "him" -> female ? "her" : "him";
            case "his" -> female ? "her" : "his";
            default -> throw new IllegalArgumentException("unknown form '." + form + "'");
        };
    }

    /** "an" before a vowel sound; the lexicon avoids words where spelling and sound disagree. */
    static String article(CharSequence words) {
        char first = Character.toLowerCase(words.charAt(0));
        return "aeiou".indexOf(first) >= 0 ? "an" : "a";
    }

    String pattern() {
        return pattern;
    }
}
