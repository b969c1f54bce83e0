package io.benchsuite.suite;

import io.benchsuite.config.BenchSettings;
import io.benchsuite.stats.KvCacheThresholdCriterion;
import io.benchsuite.stats.LevelCriterion;
import io.benchsuite.stats.SpeedThresholdCriterion;
import java.util.ArrayList;
import java.util.List;

/**
 * The criteria whose crossing the adaptive sweep looks for, from the settings: the speed threshold and the
 * KV-cache threshold of {@code thresholds.csv}, in that order (the order in which their brackets are bisected).
 * The service-level objectives of {@code --slo} join the list here.
 */
final class SweepCriteria {

    private SweepCriteria() {}

    static List<LevelCriterion> of(BenchSettings settings) {
        List<LevelCriterion> criteria = new ArrayList<>();
        criteria.add(new SpeedThresholdCriterion(settings.speedThreshold()));
        criteria.add(new KvCacheThresholdCriterion(settings.kvCacheThreshold()));
        return criteria;
    }
}
