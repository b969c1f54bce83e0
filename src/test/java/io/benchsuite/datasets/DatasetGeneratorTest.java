package io.benchsuite.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.tokenizer.SimpleTokenizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetGeneratorTest {

    private final DatasetGenerator generator = new DatasetGenerator(99);

    @Test
    void fixedLengthPromptsAreUniqueAndAtLeastTheTargetLong() {
        PromptFile file = generator.fixedLength(64, 300);
        assertEquals("prompts_length_64.json", file.fileName());
        assertEquals(300, new HashSet<>(file.prompts()).size());
        for (String prompt : file.prompts()) {
            int tokens = SimpleTokenizer.count(prompt);
            assertTrue(tokens >= 64 && tokens <= 64 + 8, tokens + " tokens: " + prompt);
            assertEquals(prompt.strip(), prompt, "no surrounding whitespace");
        }
    }

    @Test
    void aFileDoesNotDependOnWhatElseIsGenerated() {
        List<String> small = generator.fixedLength(48, 20).prompts();
        List<String> large = generator.fixedLength(48, 200).prompts();
        assertEquals(small, large.subList(0, 20));
        List<PromptFile> together = generator.generate(List.of(16, 48), 20, false);
        assertEquals(small, together.get(1).prompts());
    }

    @Test
    void theSeedDecidesTheContent() {
        assertEquals(generator.fixedLength(32, 5), new DatasetGenerator(99).fixedLength(32, 5));
        assertNotEquals(generator.fixedLength(32, 5), new DatasetGenerator(100).fixedLength(32, 5));
    }

    @Test
    void growingPromptsStepByTenTokensAndStartWithASpace() {
        PromptFile growing = generator.growing();
        assertEquals("growing_prompts.json", growing.fileName());
        assertEquals(DatasetGenerator.GROWING_COUNT, growing.prompts().size());
        assertTrue(growing.prompts().stream().allMatch(p -> p.startsWith(" ") && !p.startsWith("  ")));
        int[] sorted = LengthStats.sortedLengths(growing.prompts());
        for (int i = 0; i < sorted.length; i++) {
            int target = (i + 1) * DatasetGenerator.GROWING_STEP;
            assertTrue(
                    sorted[i] >= target && sorted[i] <= target + DatasetGenerator.GROWING_SLACK + 3,
                    "prompt " + i + " has " + sorted[i] + " tokens for a target of " + target);
        }
        int[] stored =
                growing.prompts().stream().mapToInt(SimpleTokenizer::count).toArray();
        assertFalse(Arrays.equals(sorted, stored), "stored in shuffled order, as the seed's file was");
    }

    @Test
    void defaultCountsKeepFilesAroundAMillionTokens() {
        assertEquals(1000, DatasetGenerator.defaultCount(32));
        assertEquals(1000, DatasetGenerator.defaultCount(1024));
        assertEquals(500, DatasetGenerator.defaultCount(2048));
        assertEquals(250, DatasetGenerator.defaultCount(4096));
    }

    @Test
    void rejectsLengthsOutsideTheSupportedRange() {
        assertThrows(IllegalArgumentException.class, () -> generator.fixedLength(DatasetGenerator.MIN_LENGTH - 1, 1));
        assertThrows(IllegalArgumentException.class, () -> generator.fixedLength(32, 0));
    }
}
