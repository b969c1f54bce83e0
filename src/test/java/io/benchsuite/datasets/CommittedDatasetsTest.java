package io.benchsuite.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The prompt files committed in {@code datasets/} are exactly what the generator writes with the default seed,
 * and their token lengths (by the simulator's tokenizer) are what their names promise.
 */
class CommittedDatasetsTest {

    private static final Path FOLDER = Path.of("datasets");
    private static List<PromptFile> generated;

    @BeforeAll
    static void regenerate() {
        generated = new DatasetGenerator(DatasetGenerator.DEFAULT_SEED)
                .generate(DatasetGenerator.DEFAULT_LENGTHS, null, true);
    }

    @Test
    void committedFilesEqualTheGeneratorsOutputByteForByte() throws IOException {
        for (PromptFile file : generated) {
            Path committed = FOLDER.resolve(file.fileName());
            assertTrue(
                    Files.exists(committed),
                    committed + " is missing; regenerate with 'bench-suite datasets " + "--output datasets'");
            byte[] expected = PromptJson.write(file.prompts()).getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(
                    expected,
                    Files.readAllBytes(committed),
                    committed + " differs from the generator's "
                            + "output; regenerate with 'bench-suite datasets --output datasets' and commit both");
        }
    }

    @Test
    void tokenLengthsAreWithinTenPercentOfTheirTargets() {
        for (PromptFile file : generated) {
            LengthStats stats = LengthStats.of(file.prompts());
            System.out.println("[datasets] " + file.fileName() + ": " + stats.summary());
            assertEquals(file.prompts().size(), new HashSet<>(file.prompts()).size(), "unique prompts");
            if (file.promptLength() != DatasetFiles.GROWING) {
                double target = file.promptLength();
                assertTrue(
                        Math.abs(stats.median() - target) <= 0.10 * target,
                        file.fileName() + " median " + stats.median() + " is not within 10% of " + target);
            }
        }
    }

    @Test
    void growingPromptsStepByAboutTenTokensFromTenToAbout4100() {
        PromptFile growing = generated.get(generated.size() - 1);
        assertEquals(DatasetFiles.GROWING, growing.promptLength());
        int[] lengths = LengthStats.sortedLengths(growing.prompts());
        int smallestStep = Integer.MAX_VALUE;
        int largestStep = 0;
        for (int i = 1; i < lengths.length; i++) {
            smallestStep = Math.min(smallestStep, lengths[i] - lengths[i - 1]);
            largestStep = Math.max(largestStep, lengths[i] - lengths[i - 1]);
        }
        double meanStep = (lengths[lengths.length - 1] - lengths[0]) / (double) (lengths.length - 1);
        System.out.printf(
                "[datasets] growing_prompts.json: %d prompts from %d to %d tokens, steps %d..%d, " + "mean %.2f%n",
                lengths.length, lengths[0], lengths[lengths.length - 1], smallestStep, largestStep, meanStep);
        assertTrue(lengths[0] >= 10 && lengths[0] <= 12, "first prompt " + lengths[0]);
        assertTrue(lengths[lengths.length - 1] >= 4100 && lengths[lengths.length - 1] <= 4100 * 1.03);
        assertTrue(Math.abs(meanStep - 10) < 0.5, "mean step " + meanStep);
        assertTrue(smallestStep >= 5 && largestStep <= 15, "steps " + smallestStep + ".." + largestStep);
    }
}
