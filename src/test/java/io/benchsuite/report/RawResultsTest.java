package io.benchsuite.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.benchsuite.config.UsageException;
import io.benchsuite.results.RawFileName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawResultsTest {

    private static RawRun run(String fileName, int total, int errored, int timeouts) {
        return new RawRun(
                fileName,
                RawFileName.parse(fileName).orElseThrow(),
                Map.of(),
                total,
                timeouts,
                errored,
                Map.of(),
                1,
                1,
                0,
                0,
                0,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                true,
                Optional.empty(),
                Optional.empty(),
                0,
                0,
                Optional.empty());
    }

    @Test
    void refilteringMovesFilesBetweenKeptAndTooFewByValidQueriesAndKeepsNameOrder() {
        RawRun fortyValid =
                run("generation_speed_input_32_output_16_nb_requests_4.json", 50, 12, 2); // 50 - 12 + 2 = 40 valid
        RawRun tenValid = run("generation_speed_input_32_output_16_nb_requests_1.json", 10, 0, 0);
        RawRun sixtyValid = run("generation_speed_input_32_output_16_nb_requests_8.json", 60, 0, 0);
        RawResults all = new RawResults(List.of(fortyValid, sixtyValid, tenValid), List.of(), List.of("w"));

        RawResults strict = all.withMinValidQueries(50);
        assertEquals(List.of(sixtyValid), strict.kept());
        assertEquals(List.of(tenValid, fortyValid), strict.tooFewValid());
        assertEquals(List.of("w"), strict.warnings());

        RawResults loose = strict.withMinValidQueries(10);
        assertEquals(List.of(tenValid, fortyValid, sixtyValid), loose.kept());
        assertEquals(List.of(), loose.tooFewValid());
    }

    @Test
    void aRunFolderIsOneHoldingRawResultsInEitherForm(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing");
        assertEquals(
                "RUN_A " + missing + " is not a folder; give a run folder (the one holding raw_results/ or "
                        + "raw_results.zip)",
                assertThrows(UsageException.class, () -> RawResultsReader.requireRunFolder("RUN_A", missing))
                        .getMessage());
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        assertThrows(UsageException.class, () -> RawResultsReader.requireRunFolder("RUN_A", file));
        assertEquals(
                "--output-folder " + dir + " is not a run: it holds neither raw_results/ nor raw_results.zip; "
                        + "give the folder a suite wrote (--run-folder)",
                assertThrows(UsageException.class, () -> RawResultsReader.requireRunFolder("--output-folder", dir))
                        .getMessage());

        Path unfinished =
                Files.createDirectories(dir.resolve("unfinished/raw_results")).getParent();
        RawResultsReader.requireRunFolder("RUN_B", unfinished);
        Path finished = Files.createDirectories(dir.resolve("finished"));
        Files.write(finished.resolve("raw_results.zip"), new byte[0]);
        RawResultsReader.requireRunFolder("RUN_B", finished);
        Files.createDirectories(dir.resolve("zip-is-a-folder/raw_results.zip"));
        assertThrows(
                UsageException.class,
                () -> RawResultsReader.requireRunFolder("RUN_B", dir.resolve("zip-is-a-folder")),
                "raw_results.zip must be a file");
    }
}
