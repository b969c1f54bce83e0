package io.benchsuite.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.benchsuite.schedule.QueryProfile;
import io.benchsuite.schedule.StopRule;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptSeedsTest {

    @TempDir
    Path dir;

    @Test
    void aFirstAttemptKeepsTheSeedOfTheRunAndFileName() {
        Path file = dir.resolve("speed_generation_32_128_4.json");
        assertEquals(
                7L * 31 + file.getFileName().toString().hashCode(),
                PromptSeeds.of(7, "speed_generation_32_128_4.json", file));
        assertNotEquals(
                PromptSeeds.of(7, "a.json", dir.resolve("a.json")), PromptSeeds.of(7, "b.json", dir.resolve("b.json")));
    }

    @Test
    void everyAttemptAfterAnInterruptionGetsNewPromptsAndTheSameFolderGivesTheSameOnes() throws Exception {
        Path file = dir.resolve("prompt_ingestion_0.json");
        long first = PromptSeeds.of(7, file.getFileName().toString(), file);
        Files.writeString(file, "{\"complete\": false, \"started\": 1}");
        long second = PromptSeeds.of(7, file.getFileName().toString(), file);
        assertNotEquals(first, second);
        assertEquals(second, PromptSeeds.of(7, file.getFileName().toString(), file));
        Files.writeString(file, "{\"complete\": false, \"started\": 2}");
        long third = PromptSeeds.of(7, file.getFileName().toString(), file);
        assertNotEquals(first, third);
        assertNotEquals(second, third);
    }

    @Test
    void promptIngestionIsNamedByWhatItIs() {
        BenchmarkSpec ingestion = new BenchmarkSpec(
                QueryProfile.CONSTANT_NUMBER_OF_QUERIES,
                SuitePlan.GROWING_PROMPTS,
                1,
                1,
                0,
                StopRule.maxDurationOnly(30),
                true,
                false);
        assertEquals(
                "prompt ingestion (growing prompts, output 1, 1 in parallel)", BenchmarkRunner.describe(ingestion));
        BenchmarkSpec speed = new BenchmarkSpec(
                QueryProfile.CONSTANT_NUMBER_OF_QUERIES, 32, 16, 4, 0, StopRule.maxDurationOnly(30), true, false);
        assertEquals("input 32, output 16, 4 in parallel", BenchmarkRunner.describe(speed));
    }
}
