package io.benchsuite.suite;

import io.benchsuite.config.BenchSettings;
import io.benchsuite.config.SettingsValidator;
import io.benchsuite.stats.KvCacheThresholdCriterion;
import io.benchsuite.stats.LevelCriterion;
import io.benchsuite.stats.SloCriterion;
import io.benchsuite.stats.SpeedThresholdCriterion;
import java.util.ArrayList;
import java.util.List;

/**
 * The criteria whose crossing the adaptive sweep looks for, from the settings: the speed threshold and the
 * KV-cache threshold of {@code thresholds.csv}, then, with {@code --slo}, "every objective holds", in that
 * order (the order in which their brackets are searched). The objectives are one criterion, not one each,
 * because the capacity under the objectives ({@code slo_capacity}) is the crossing of all of them together.
 */
final class SweepCriteria {

    private SweepCriteria() {}

    static List<LevelCriterion> of(BenchSettings settings) {
        List<LevelCriterion> criteria = new ArrayList<>();
        criteria.add(new SpeedThresholdCriterion(settings.speedThreshold()));
        criteria.add(new KvCacheThresholdCriterion(settings.kvCacheThreshold()));
        SettingsValidator.slo(settings).ifPresent(objectives -> criteria.add(SloCriterion.of(objectives)));
        return criteria;
    }
}
