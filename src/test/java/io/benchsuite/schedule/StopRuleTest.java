package io.benchsuite.schedule;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StopRuleTest {

    @Test
    void continuesWhileUnderMinDurationOrUnderTargetButNeverPastMax() {
        StopRule rule = new StopRule(100, 10, 50);
        assertTrue(rule.mayContinue(5, 80), "under min duration, target reached");
        assertTrue(rule.mayContinue(20, 30), "past min duration, under target");
        assertFalse(rule.mayContinue(20, 50), "past min duration and target reached");
        assertFalse(rule.mayContinue(100, 0), "max duration ends it whatever the count");
    }

    @Test
    void maxDurationOnlyStopsOnTimeAlone() {
        StopRule rule = StopRule.maxDurationOnly(60);
        assertTrue(rule.mayContinue(59, 1_000_000));
        assertFalse(rule.mayContinue(60, 0));
    }
}
