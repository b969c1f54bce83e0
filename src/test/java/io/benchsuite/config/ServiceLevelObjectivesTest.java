package io.benchsuite.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.config.ServiceLevelObjectives.Objective;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceLevelObjectivesTest {

    @Test
    void parsesTheIssuesExampleWithUnitsWrittenOut() {
        ServiceLevelObjectives slo = ServiceLevelObjectives.parse("ttft_p90=0.5s,itl_p90=50ms,speed_p50=20");
        assertEquals(
                List.of(
                        new Objective(SloQuantity.TTFT, 90, 0.5),
                        new Objective(SloQuantity.ITL, 90, 0.05),
                        new Objective(SloQuantity.SPEED, 50, 20)),
                slo.objectives());
        assertEquals("ttft_p90=500ms,itl_p90=50ms,speed_p50=20", slo.text());
    }

    @Test
    void acceptsEveryQuantityFractionalPercentilesSpacesAndSpeedUnits() {
        ServiceLevelObjectives slo = ServiceLevelObjectives.parse(
                " TTFC_p99.9 = 2s , e2e_p50=1500ms, speed_p95=12.5 tokens/s,speed_p99=3t/s");
        assertEquals(new Objective(SloQuantity.TTFC, 99.9, 2), slo.objectives().get(0));
        assertEquals(new Objective(SloQuantity.E2E, 50, 1.5), slo.objectives().get(1));
        assertEquals(
                new Objective(SloQuantity.SPEED, 95, 12.5), slo.objectives().get(2));
        assertEquals(new Objective(SloQuantity.SPEED, 99, 3), slo.objectives().get(3));
        assertEquals("ttfc_p99.9=2s,e2e_p50=1.5s,speed_p95=12.5,speed_p99=3", slo.text());
    }

    @Test
    void latenciesAreUpperBoundsAndSpeedsLowerBounds() {
        Objective ttft = new Objective(SloQuantity.TTFT, 90, 0.5);
        assertTrue(ttft.met(0.5));
        assertFalse(ttft.met(0.51));
        Objective speed = new Objective(SloQuantity.SPEED, 90, 20);
        assertTrue(speed.met(20));
        assertFalse(speed.met(19.9));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "ttft_p90=0.5|has no unit",
                "ttft_p90=0.5min|is not a unit of time",
                "speed_p50=20ms|is not a speed unit",
                "tpot_p90=50ms|'tpot' in 'tpot_p90' is not a known quantity",
                "ttft90=1s|is not <quantity>_p<percentile>",
                "ttft_p0=1s|must be above 0 and at most 100",
                "ttft_p101=1s|must be above 0 and at most 100",
                "ttft_p90|has no '='",
                "ttft_p90=fast|has no number",
                "ttft_p90=0s|must be above 0",
                "ttft_p90=-1s|must be above 0",
                "ttft_p90=1s,,speed_p50=2|empty objective",
                "ttft_p90=1s,ttft_p90=2s|is given twice",
                "\"  \"|it is empty"
            })
    void aBadValueIsOneLineNamingTheProblemAndTheFix(String text, String problem) {
        UsageException e = assertThrows(UsageException.class, () -> ServiceLevelObjectives.parse(text));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.getMessage().startsWith("Invalid slo: "), e.getMessage());
        assertTrue(e.getMessage().contains("--slo, BENCH_SLO"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
