package io.benchsuite.stats;

import io.benchsuite.config.ServiceLevelObjectives;
import io.benchsuite.config.ServiceLevelObjectives.Objective;
import io.benchsuite.config.SloQuantity;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Service-level objectives as a {@link LevelCriterion}: a level holds when every objective holds over its
 * requests. An objective {@code q_pP=B} holds when at least P % of the level's requests meet B, read as a
 * percentile: for a latency, the P-th percentile of the requests' values is at most B; for the speed, the
 * (100 - P)-th percentile is at least B (numpy's linear percentile, as every percentile of this tool).
 *
 * <p>Which requests: every request of the level but those cancelled by the benchmark's end. A failed or
 * timed-out request meets no objective: it counts as an infinite latency and a speed of 0, so failures make
 * a level miss its objectives rather than vanish from them. A level with no such request never holds.
 *
 * <p>Its margin is the worst objective's share of its bound left, on the scale that grows about linearly with
 * load: {@code 1 - value / bound} for a latency, {@code 1 - bound / value} for the speed (time per token, as
 * {@link SpeedThresholdCriterion}).
 *
 * <p>Pure. Built from the settings with {@link #of(ServiceLevelObjectives)} (every objective at once) or
 * {@link #each(ServiceLevelObjectives)} (one criterion per objective).
 */
public final class SloCriterion implements LevelCriterion {

    private final String name;
    private final List<Objective> objectives;

    private SloCriterion(String name, List<Objective> objectives) {
        this.name = name;
        this.objectives = List.copyOf(objectives);
    }

    /** The criterion "every objective holds", named {@code slo}. */
    public static SloCriterion of(ServiceLevelObjectives objectives) {
        return new SloCriterion("slo", objectives.objectives());
    }

    /** One criterion per objective, each named {@code slo_} followed by the objective, e.g. {@code slo_ttft_p90=500ms}. */
    public static List<LevelCriterion> each(ServiceLevelObjectives objectives) {
        return objectives.objectives().stream()
                .map(o -> (LevelCriterion) new SloCriterion("slo_" + o.text(), List.of(o)))
                .toList();
    }

    public List<Objective> objectives() {
        return objectives;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean holds(MeasuredLevel level) {
        return holds(level.queries().stream().map(SloSample::of).toList());
    }

    @Override
    public OptionalDouble margin(MeasuredLevel level) {
        return margin(level.queries().stream().map(SloSample::of).toList());
    }

    /**
     * The smallest margin of the objectives over these requests (cancelled ones are skipped):
     * {@code 1 - value / bound} for a latency, {@code 1 - bound / value} for the speed, with the value of
     * {@link #levelValue}; positive when every objective holds. Empty without a counted request, or when the
     * worst value is infinite (failures reach the percentile) or a speed of 0.
     */
    public OptionalDouble margin(List<SloSample> requests) {
        List<SloSample> counted = requests.stream().filter(SloSample::counted).toList();
        if (counted.isEmpty()) {
            return OptionalDouble.empty();
        }
        double worst = Double.POSITIVE_INFINITY;
        for (Objective o : objectives) {
            double value = levelValue(o, counted);
            double margin = o.quantity().latency() ? 1 - value / o.bound() : 1 - o.bound() / value;
            worst = Math.min(worst, margin);
        }
        return Double.isFinite(worst) ? OptionalDouble.of(worst) : OptionalDouble.empty();
    }

    /** Whether every objective holds over these requests (cancelled ones are skipped). */
    public boolean holds(List<SloSample> requests) {
        List<SloSample> counted = requests.stream().filter(SloSample::counted).toList();
        if (counted.isEmpty()) {
            return false;
        }
        return objectives.stream().allMatch(o -> o.met(levelValue(o, counted)));
    }

    /**
     * The value an objective compares with its bound over these requests: the P-th percentile of a latency,
     * the (100 - P)-th of the speed; positive infinity for a latency when failures reach that percentile.
     */
    public static double levelValue(Objective objective, List<SloSample> requests) {
        double[] values = requests.stream()
                .filter(SloSample::counted)
                .mapToDouble(r -> value(objective.quantity(), r))
                .toArray();
        if (values.length == 0) {
            throw new IllegalArgumentException("no request to read " + objective.text() + " from");
        }
        Arrays.sort(values);
        double p = objective.quantity().latency() ? objective.percentile() : 100 - objective.percentile();
        return percentileOfSorted(values, p);
    }

    /** Whether one request meets every objective (a failed request meets none; a cancelled one is not counted). */
    public boolean meetsAll(SloSample request) {
        return request.counted()
                && request.ok()
                && objectives.stream().allMatch(o -> o.met(value(o.quantity(), request)));
    }

    /**
     * Goodput: the requests that met every objective per second of the level, {@code count / durationSeconds};
     * empty when the duration is not positive.
     */
    public OptionalDouble goodput(List<SloSample> requests, double durationSeconds) {
        if (!(durationSeconds > 0)) {
            return OptionalDouble.empty();
        }
        long good = requests.stream().filter(this::meetsAll).count();
        return OptionalDouble.of(good / durationSeconds);
    }

    static double value(SloQuantity quantity, SloSample r) {
        if (!r.ok()) {
            return quantity.latency() ? Double.POSITIVE_INFINITY : 0;
        }
        return switch (quantity) {
            case TTFT -> r.ttft();
            case TTFC -> r.ttfc();
            case ITL -> r.itl();
            case E2E -> r.e2e();
            case SPEED -> r.speed();
        };
    }

    /** {@link Percentiles}' linear percentile, where an infinite neighbour makes the result infinite. */
    private static double percentileOfSorted(double[] sorted, double p) {
        double rank = p / 100 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        if (Double.isInfinite(sorted[below]) || (above != below && Double.isInfinite(sorted[above]))) {
            return Double.POSITIVE_INFINITY;
        }
        return Percentiles.percentileOfSorted(sorted, p);
    }
}
