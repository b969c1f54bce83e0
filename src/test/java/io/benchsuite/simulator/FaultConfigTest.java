package io.benchsuite.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fault flags' grammar, their validation, and the seeded draw that spreads faults over requests. */
class FaultConfigTest {

    private static FaultConfig parse(String... specs) {
        return FaultConfig.parse(List.of(specs), null, false, 42);
    }

    private static String rejection(List<String> specs, String restart) {
        return assertThrows(IllegalArgumentException.class, () -> FaultConfig.parse(specs, restart, false, 1))
                .getMessage();
    }

    @Test
    void specsSplitIntoRequestAndMetricsRulesInOrder() {
        FaultConfig config = parse("status:503@0.25", "drop:3@0.5", "metrics-404", "no-done@0.25");
        assertEquals(
                List.of(
                        new FaultRule(new Fault(FaultKind.STATUS, 503, true), 0.25),
                        new FaultRule(new Fault(FaultKind.DROP, 3, true), 0.5),
                        new FaultRule(new Fault(FaultKind.NO_DONE, 0, false), 0.25)),
                config.requestRules());
        assertEquals(List.of(new FaultRule(new Fault(FaultKind.METRICS_404, 0, false), 1)), config.metricsRules());
    }

    @Test
    void aRestartCycleTakesSecondsWithDecimals() {
        FaultConfig config = FaultConfig.parse(List.of(), "2.5:0.5", false, 1);
        assertEquals(Optional.of(new RestartCycle(Duration.ofMillis(2500), Duration.ofMillis(500))), config.restart());
    }

    @Test
    void badValuesAreRejectedWithAMessageNamingThem() {
        assertTrue(rejection(List.of("explode"), null).contains("unknown fault 'explode'"));
        assertTrue(rejection(List.of("status"), null).contains("needs a value"));
        assertTrue(rejection(List.of("status:200"), null).contains("400 to 599"));
        assertTrue(rejection(List.of("drop:-1"), null).contains("token count"));
        assertTrue(rejection(List.of("drop:1.5"), null).contains("token count"));
        assertTrue(rejection(List.of("metrics-404:3"), null).contains("takes no value"));
        assertTrue(rejection(List.of("stall:x"), null).contains("not a number"));
        assertTrue(rejection(List.of("drop:2@0"), null).contains("above 0 and at most 1"));
        assertTrue(rejection(List.of("drop:2@1.5"), null).contains("above 0 and at most 1"));
        assertTrue(rejection(List.of("drop:2@half"), null).contains("not a number"));
        assertTrue(rejection(List.of("status:500@0.6", "drop@0.6"), null).contains("add up to"));
        assertTrue(rejection(List.of("restart:2"), null).contains("--fault-restart"));
        assertTrue(rejection(List.of(), "5").contains("UP:DOWN"));
        assertTrue(rejection(List.of(), "5:0").contains("UP:DOWN"));
    }

    @Test
    void metricsFractionsAreCheckedApartFromRequestFractions() {
        FaultConfig config = parse("status:500@0.7", "metrics-garbage@0.7");
        assertEquals(1, config.requestRules().size());
        assertEquals(1, config.metricsRules().size());
    }

    @Test
    void rulesShareTheUnitIntervalEndToEnd() {
        List<FaultRule> rules = parse("status:500@0.2", "drop:1@0.3").requestRules();
        assertEquals(
                FaultKind.STATUS,
                ConfiguredFaultPolicy.pick(rules, 0.0).orElseThrow().kind());
        assertEquals(
                FaultKind.STATUS,
                ConfiguredFaultPolicy.pick(rules, 0.1999).orElseThrow().kind());
        assertEquals(
                FaultKind.DROP,
                ConfiguredFaultPolicy.pick(rules, 0.2).orElseThrow().kind());
        assertEquals(
                FaultKind.DROP,
                ConfiguredFaultPolicy.pick(rules, 0.4999).orElseThrow().kind());
        assertTrue(ConfiguredFaultPolicy.pick(rules, 0.5).isEmpty());
    }

    @Test
    void theDrawIsSeededAndMatchesTheFraction() {
        FaultConfig config = FaultConfig.parse(List.of("status:500@0.1"), null, false, 7);
        boolean[] first = rejections(new ConfiguredFaultPolicy(config));
        boolean[] second = rejections(new ConfiguredFaultPolicy(config));
        assertTrue(java.util.Arrays.equals(first, second), "same seed, same failing requests");
        int failed = 0;
        for (boolean f : first) {
            failed += f ? 1 : 0;
        }
        // 2000 draws at p = 0.1: standard deviation about 13, so 200 +- 60 is over 4 sigma.
        assertTrue(failed > 140 && failed < 260, "about 10% of 2000 requests fail: " + failed);
        boolean[] otherSeed =
                rejections(new ConfiguredFaultPolicy(FaultConfig.parse(List.of("status:500@0.1"), null, false, 8)));
        assertFalse(java.util.Arrays.equals(first, otherSeed), "another seed, other requests");
    }

    private static boolean[] rejections(ConfiguredFaultPolicy policy) {
        boolean[] rejected = new boolean[2000];
        for (int i = 0; i < rejected.length; i++) {
            GenerationRequest request =
                    new GenerationRequest("cmpl-" + i, 5, 10, 0, true, List.of(), 42 * 0x9E3779B97F4A7C15L + i);
            rejected[i] = policy.forRequest(request, name -> null).rejection().isPresent();
        }
        return rejected;
    }

    @Test
    void theHeaderIsObeyedOnlyWhenAllowed() {
        GenerationRequest request = new GenerationRequest("cmpl-1", 5, 10, 0, true, List.of(), 1);
        FaultPolicy allowed = new ConfiguredFaultPolicy(FaultConfig.headerOnly());
        FaultPolicy ignored = new ConfiguredFaultPolicy(parse());
        assertEquals(
                429,
                allowed.forRequest(request, h -> h.equals(ConfiguredFaultPolicy.HEADER) ? "status:429" : null)
                        .rejection()
                        .orElseThrow()
                        .status());
        assertTrue(ignored.forRequest(request, h -> "status:429").rejection().isEmpty());
        ApiError.Failure bad =
                assertThrows(ApiError.Failure.class, () -> allowed.forRequest(request, h -> "status:abc"));
        assertEquals(400, bad.error.status());
        assertTrue(bad.error.message().startsWith("X-Sim-Fault: "), bad.error.message());
    }
}
