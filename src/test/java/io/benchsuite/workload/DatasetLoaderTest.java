package io.benchsuite.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.config.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoaderTest {

    @TempDir
    Path dir;

    @Test
    void readsTheGrowingSetForLengthZeroAndFixedSetsByLength() throws Exception {
        Files.writeString(dir.resolve("growing_prompts.json"), "[\n    \" a\",\n    \" b c\",\n    \" d\"\n]\n");
        Files.writeString(dir.resolve("prompts_length_42.json"), "[\"one\", \"two\", \"caf\\u00e9\", \"x\\ny\"]");
        assertEquals(List.of(" a", " b c", " d"), DatasetLoader.load(dir, 0));
        assertEquals(List.of("one", "two", "caf\u00e9", "x\ny"), DatasetLoader.load(dir, 42));
    }

    @Test
    void readsTheCommittedDatasets() {
        assertEquals(1000, DatasetLoader.load(Path.of("datasets"), 32).size());
        assertEquals(410, DatasetLoader.load(Path.of("datasets"), 0).size());
    }

    @Test
    void theBuiltInDatasetsAreTheCommittedOnes() {
        for (int length : List.of(0, 32, 1024, 4096)) {
            assertEquals(
                    DatasetLoader.load(Path.of("datasets"), length),
                    DatasetLoader.load(Optional.empty(), length),
                    "length " + length);
        }
    }

    @Test
    void aLengthWithoutABuiltInDatasetSaysHowToMakeOne() {
        String message = assertThrows(UsageException.class, () -> DatasetLoader.load(Optional.empty(), 2048))
                .getMessage();
        assertTrue(message.startsWith("No built-in dataset for prompt length 2048 (built in: 32, 1024, 4096"), message);
        assertTrue(message.contains("bench-suite datasets --output my-datasets --lengths 2048"), message);
        assertTrue(message.contains("--dataset-folder, BENCH_DATASET_FOLDER or DATASET_FOLDER"), message);
    }

    @Test
    void aGivenFolderWinsOverTheBuiltInDatasets() throws Exception {
        Files.writeString(dir.resolve("prompts_length_32.json"), "[\"mine\"]");
        assertEquals(List.of("mine"), DatasetLoader.load(Optional.of(dir), 32));
    }

    @Test
    void aMissingFolderNamesTheCommandThatMakesIt() {
        Path missing = dir.resolve("nowhere");
        String message = failure(missing, 32);
        assertTrue(message.contains("'" + missing + "' does not exist"), message);
        assertTrue(message.contains("bench-suite datasets --output " + missing), message);
    }

    @Test
    void aMissingFileNamesItselfAndTheLengthToGenerate() {
        String message = failure(dir, 512);
        assertTrue(message.contains("prompts_length_512.json' not found"), message);
        assertTrue(
                message.endsWith("regenerate it with 'bench-suite datasets --output " + dir + " --lengths 512'"),
                message);
        assertTrue(failure(dir, 0).contains("growing_prompts.json' not found"));
    }

    @Test
    void malformedContentIsAUsageErrorNamingTheFile() throws Exception {
        assertContentRejected("[\"one\", ", "is not valid JSON (line 1");
        assertContentRejected("{\"prompts\": []}", "is not a JSON array of prompts");
        assertContentRejected("", "is not a JSON array of prompts");
        assertContentRejected("[]", "holds no prompts");
        assertContentRejected("[\"one\", 2]", "element 1 is not a string");
        assertContentRejected("[\"one\", null]", "element 1 is not a string");
        assertContentRejected("[\"\"]", "element 0 is an empty string");
    }

    @Test
    void aNegativeLengthIsRejected() {
        assertTrue(failure(dir, -1).contains("negative"));
    }

    private void assertContentRejected(String content, String expected) throws Exception {
        Files.writeString(dir.resolve("prompts_length_7.json"), content);
        String message = failure(dir, 7);
        assertTrue(message.contains("prompts_length_7.json"), message);
        assertTrue(message.contains(expected), message);
        assertTrue(message.contains("regenerate it with 'bench-suite datasets"), message);
        assertEquals(1, message.lines().count(), "one line: " + message);
    }

    private static String failure(Path folder, int length) {
        return assertThrows(UsageException.class, () -> DatasetLoader.load(folder, length))
                .getMessage();
    }
}
