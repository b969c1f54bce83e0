package io.benchsuite.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.benchsuite.results.RawFileName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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
}
