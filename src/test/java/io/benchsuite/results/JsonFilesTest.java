package io.benchsuite.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesIndentedJsonInKeyOrderAndLeavesNoTemporaryFile() throws IOException {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("b", 1);
        value.put("a", List.of(1.5, 2));
        Path file = dir.resolve("out.json");
        JsonFiles.writeAtomically(file, value);
        assertEquals("{\n    \"b\" : 1,\n    \"a\" : [\n        1.5,\n        2\n    ]\n}", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void replacesAnExistingFileWhole() throws IOException {
        Path file = dir.resolve("out.json");
        JsonFiles.writeAtomically(file, Map.of("v", "x".repeat(10_000)));
        JsonFiles.writeAtomically(file, Map.of("v", 2));
        assertEquals(2, JsonFiles.MAPPER.readTree(file.toFile()).get("v").asInt());
    }

    @Test
    void aValueThatCannotBeWrittenLeavesTheOldFileIntact() throws IOException {
        Path file = dir.resolve("out.json");
        JsonFiles.writeAtomically(file, Map.of("v", 1));
        Object unserializable = new Object();
        assertThrows(IOException.class, () -> JsonFiles.writeAtomically(file, Map.of("v", unserializable)));
        assertEquals(1, JsonFiles.MAPPER.readTree(file.toFile()).get("v").asInt());
        try (var files = Files.list(dir)) {
            assertTrue(files.allMatch(file::equals), "no temporary file left behind");
        }
    }
}
