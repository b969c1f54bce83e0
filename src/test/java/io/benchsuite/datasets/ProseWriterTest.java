package io.benchsuite.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.tokenizer.SimpleTokenizer;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProseWriterTest {

    @Test
    void sameSeedSameProseOtherSeedOtherProse() {
        assertEquals(text(7, 40), text(7, 40));
        assertNotEquals(text(7, 40), text(8, 40));
    }

    @Test
    void piecesJoinWithASpaceOrABlankLineAndTheirTokenCountsAdd() {
        ProseWriter writer = new ProseWriter(new Random(3));
        String first = writer.next();
        assertTrue(Character.isUpperCase(first.charAt(0)) || first.charAt(0) == '"', first);
        StringBuilder text = new StringBuilder(first);
        int tokens = SimpleTokenizer.count(first);
        boolean sawParagraph = false;
        boolean sawDialogue = false;
        for (int i = 0; i < 300; i++) {
            String piece = writer.next();
            assertTrue(piece.startsWith(" ") || piece.startsWith("\n\n"), piece);
            sawParagraph |= piece.startsWith("\n\n");
            sawDialogue |= piece.startsWith("\n\n\"");
            text.append(piece);
            tokens += SimpleTokenizer.count(piece);
        }
        assertEquals(SimpleTokenizer.count(text.toString()), tokens);
        assertTrue(sawParagraph && sawDialogue, "expected paragraphs and dialogue in 300 sentences");
    }

    @Test
    void sentencesAreVariedNotRepeated() {
        ProseWriter writer = new ProseWriter(new Random(11));
        Set<String> sentences = new HashSet<>();
        for (int i = 0; i < 400; i++) {
            sentences.add(writer.next().strip());
        }
        assertTrue(sentences.size() > 390, "only " + sentences.size() + " distinct sentences of 400");
    }

    @Test
    void aThirdPersonIsNeverOneOfTheTwoThePromptFollows() {
        // "{friend} and {name} had not spoken..." comes up about a thousand times in these 90,000 sentences
        for (long seed = 0; seed < 300; seed++) {
            String text = text(seed, 300);
            assertFalse(
                    Pattern.compile("\\b([A-Z]\\w+) and \\1\\b").matcher(text).find(), text);
        }
    }

    @Test
    void sentenceCaseCapitalizesStartsButNotSpeechTags() {
        assertEquals("\"Where is it?\" asked Mara.", ProseWriter.sentenceCase("\"where is it?\" asked Mara."));
        assertEquals("Mara nodded. \"We go.\"", ProseWriter.sentenceCase("Mara nodded. \"we go.\""));
        assertEquals("\"Well,\" she said, \"we go.\"", ProseWriter.sentenceCase("\"Well,\" she said, \"we go.\""));
        assertEquals(
                "That morning, all was well. Yes? No!",
                ProseWriter.sentenceCase("that morning, all was well. yes? no!"));
    }

    private static String text(long seed, int pieces) {
        ProseWriter writer = new ProseWriter(new Random(seed));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            text.append(writer.next());
        }
        return text.toString();
    }
}
