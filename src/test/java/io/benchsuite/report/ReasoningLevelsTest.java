package io.benchsuite.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.report.model.LevelReport;
import io.benchsuite.report.model.Pair;
import io.benchsuite.report.model.PairReport;
import io.benchsuite.report.model.Quartiles;
import io.benchsuite.stats.LevelThreshold;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The speed graph's data shows the time to first content where it differs from the TTFT, and the mismatches. */
class ReasoningLevelsTest {

    private static final Optional<Quartiles> SPEED = Optional.of(new Quartiles(40, 50, 60));
    private static final Optional<Quartiles> TTFT = Optional.of(new Quartiles(90, 100, 110));

    @Test
    void levelDataAddsTheTimeToFirstContentOnlyWhenItDiffers() {
        LevelReport plain = new LevelReport(1, SPEED, TTFT, -1, 10, 0, 0, Map.of(), true, TTFT, 0);
        LevelReport reasoning = new LevelReport(
                2, SPEED, TTFT, -1, 10, 0, 0, Map.of(), true, Optional.of(new Quartiles(290, 300, 310)), 3);
        assertFalse(plain.contentComesLater());
        assertTrue(reasoning.contentComesLater());
        PairReport pair = new PairReport(
                new Pair(32, 16),
                List.of(plain, reasoning),
                new LevelThreshold(2, 2),
                Optional.empty(),
                Optional.empty(),
                List.of(1, 2),
                List.of());
        Map<String, Object> data = GraphData.speedGeneration(pair);
        @SuppressWarnings("unchecked")
        Map<String, Object> one = (Map<String, Object>) data.get("1");
        @SuppressWarnings("unchecked")
        Map<String, Object> two = (Map<String, Object>) data.get("2");
        assertFalse(one.containsKey("time_to_first_content_ms"));
        assertEquals(List.of(10.0, 300.0, 10.0), two.get("time_to_first_content_ms"));
        assertEquals(3, two.get("nb_output_length_mismatch"));
        assertEquals(0, one.get("nb_output_length_mismatch"));
    }
}
