package io.benchsuite.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TemplateTest {

    private static final Map<String, String[]> PEOPLE = Map.of(
            "hero", new String[] {"Mara", "f"},
            "friend", new String[] {"Tobias", "m"},
            "name", new String[] {"Wren", "f"},
            "sp", new String[] {"Tobias", "m"},
            "town", new String[] {"Port Sallow"},
            "S", new String[] {"we should go"},
            "Q", new String[] {"where is it"});

    @Test
    void boundNamesAndPronounsFollowTheirPerson() {
        String text = Template.parse("{hero} lost {hero.his} hat; {friend.he} found it for {hero.him} in {town}.")
                .fill(new Random(1), PEOPLE);
        assertEquals("Mara lost her hat; he found it for her in Port Sallow.", text);
    }

    @Test
    void taggedWordsRepeatAndUntaggedOnesAreDrawnAgain() {
        Template tagged = Template.parse("{noun#1}/{noun#1}/{noun.pl#1}");
        for (int seed = 0; seed < 50; seed++) {
            String[] parts = tagged.fill(new Random(seed), PEOPLE).split("/");
            assertEquals(parts[0], parts[1]);
            assertTrue(parts[2].startsWith(parts[0].substring(0, 2)), parts[2] + " is not the plural of " + parts[0]);
        }
        Template untagged = Template.parse("{noun}/{noun}");
        boolean differed = false;
        for (int seed = 0; seed < 50 && !differed; seed++) {
            String[] parts = untagged.fill(new Random(seed), PEOPLE).split("/");
            differed = !parts[0].equals(parts[1]);
        }
        assertTrue(differed, "untagged slots always drew the same word");
    }

    @Test
    void theArticleFitsTheWordAfterIt() {
        assertEquals("an", Template.article("old lantern"));
        assertEquals("a", Template.article("narrow bridge"));
        assertEquals("an", Template.article("Ambrose"));
        for (int seed = 0; seed < 30; seed++) {
            String text = Template.parse("{a adj}").fill(new Random(seed), PEOPLE);
            boolean vowel = "aeiou".indexOf(text.charAt(text.indexOf(' ') + 1)) >= 0;
            assertEquals(vowel ? "an" : "a", text.substring(0, text.indexOf(' ')), text);
        }
    }

    @Test
    void sameRandomStateGivesTheSameSentence() {
        Template t = Template.parse("{hero} {move.past} to {place} with {a color noun} and {small} {animal.pl}.");
        assertEquals(t.fill(new Random(42), PEOPLE), t.fill(new Random(42), PEOPLE));
    }

    @Test
    void everyProjectPatternFillsWithoutLeftoverBraces() {
        List<Template> all = Stream.of(
                        Patterns.OPENERS,
                        Patterns.NARRATIVE,
                        Patterns.STATEMENTS,
                        Patterns.QUESTIONS,
                        Patterns.DIALOGUE)
                .flatMap(List::stream)
                .toList();
        for (Template t : all) {
            for (int seed = 0; seed < 20; seed++) {
                String text = t.fill(new Random(seed), PEOPLE);
                assertFalse(text.contains("{") || text.contains("}"), text);
                assertFalse(text.contains("  "), "double space in: " + text);
            }
        }
    }

    @Test
    void badPatternsAreRejectedWhenParsed() {
        assertThrows(IllegalArgumentException.class, () -> Template.parse("the {gizmo}"));
        assertThrows(IllegalArgumentException.class, () -> Template.parse("the {noun"));
        assertThrows(IllegalArgumentException.class, () -> Template.parse("the {noun#1.pl}"));
        assertThrows(IllegalArgumentException.class, () -> Template.parse("the {a}"));
    }
}
