package io.benchsuite.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.config.ServiceLevelObjectives;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SloCriterionTest {

    /** A successful request with this TTFT (s), median ITL (s) and speed (tokens/s). */
    private static SloSample request(double ttft, double itl, double speed) {
        return new SloSample(true, true, ttft, ttft, itl, 1.0, speed);
    }

    private static final SloSample FAILED = new SloSample(true, false, 0, 0, 0, 0.1, 0);
    private static final SloSample CANCELLED = new SloSample(false, false, 0, 0, 0, 0.1, 0);

    /** Ten requests with TTFT 0.1, 0.2 ... 1.0 s. */
    private static List<SloSample> tenTtfts() {
        return IntStream.rangeClosed(1, 10)
                .mapToObj(i -> request(i / 10.0, 0.01, 50))
                .toList();
    }

    @Test
    void aLatencyObjectiveIsTheLinearPercentileOverTheRequests() {
        // p90 of 0.1..1.0 at rank 0.9 * 9 = 8.1: 0.9 + 0.1 * 0.1 = 0.91 s.
        var objective =
                ServiceLevelObjectives.parse("ttft_p90=910ms").objectives().get(0);
        assertEquals(0.91, SloCriterion.levelValue(objective, tenTtfts()), 1e-12);
        assertTrue(
                SloCriterion.of(ServiceLevelObjectives.parse("ttft_p90=910ms")).holds(tenTtfts()));
        assertFalse(
                SloCriterion.of(ServiceLevelObjectives.parse("ttft_p90=900ms")).holds(tenTtfts()));
    }

    @Test
    void aSpeedObjectiveAsksThatShareOfRequestsToBeFastEnough() {
        // Speeds 10, 20, ..., 100: speed_p90 reads the 10th percentile, 10 + 0.9 * 10 = 19.
        List<SloSample> requests = IntStream.rangeClosed(1, 10)
                .mapToObj(i -> request(0.1, 0.01, i * 10.0))
                .toList();
        var objective =
                ServiceLevelObjectives.parse("speed_p90=19").objectives().get(0);
        assertEquals(19, SloCriterion.levelValue(objective, requests), 1e-12);
        assertTrue(SloCriterion.of(ServiceLevelObjectives.parse("speed_p90=19")).holds(requests));
        assertFalse(
                SloCriterion.of(ServiceLevelObjectives.parse("speed_p90=19.5")).holds(requests));
        assertTrue(SloCriterion.of(ServiceLevelObjectives.parse("speed_p50=55")).holds(requests));
    }

    @Test
    void failuresCountAgainstTheObjectivesAndCancelledRequestsAreLeftOut() {
        List<SloSample> requests = new ArrayList<>(tenTtfts());
        SloCriterion criterion = SloCriterion.of(ServiceLevelObjectives.parse("ttft_p80=2s"));
        assertTrue(criterion.holds(requests));
        requests.add(CANCELLED);
        requests.add(CANCELLED);
        requests.add(CANCELLED);
        assertTrue(criterion.holds(requests), "cancelled requests are not counted");
        requests.add(FAILED);
        requests.add(FAILED);
        requests.add(FAILED);
        // 10 good of 13 counted: the 80th percentile (rank 9.6) reaches the failures' infinite latency.
        assertFalse(criterion.holds(requests));
        assertFalse(criterion.holds(List.of(CANCELLED)), "no counted request: never holds");
    }

    @Test
    void goodputCountsTheRequestsMeetingEveryObjectivePerSecond() {
        SloCriterion criterion = SloCriterion.of(ServiceLevelObjectives.parse("ttft_p50=0.5s,itl_p50=20ms"));
        List<SloSample> requests = new ArrayList<>(tenTtfts()); // 5 have TTFT <= 0.5 s, all ITL 10 ms
        requests.add(request(0.1, 0.05, 50)); // fast TTFT, slow ITL
        requests.add(FAILED);
        requests.add(CANCELLED);
        assertEquals(5 / 2.5, criterion.goodput(requests, 2.5).getAsDouble(), 1e-12);
        assertTrue(criterion.goodput(requests, 0).isEmpty());
    }

    @Test
    void theCapacityIsTheLargestLevelWhereEveryObjectiveHolds() {
        SloCriterion criterion = SloCriterion.of(ServiceLevelObjectives.parse("itl_p90=20ms"));
        List<SloCapacity.Level> levels =
                List.of(level(1, 0.005), level(2, 0.010), level(4, 0.019), level(8, 0.030), level(16, 0.060));
        SloCapacity capacity = SloCapacity.of(criterion, levels);
        assertEquals(new LevelThreshold(4, 4), capacity.capacity());
        assertEquals(10 / 5.0, capacity.goodputRps().getAsDouble(), 1e-12);
        SloCapacity none = SloCapacity.of(SloCriterion.of(ServiceLevelObjectives.parse("itl_p90=1ms")), levels);
        assertEquals(LevelThreshold.NONE, none.capacity());
        assertTrue(none.goodputRps().isEmpty());
    }

    @Test
    void eachObjectiveIsAlsoACriterionOfItsOwn() {
        List<LevelCriterion> each = SloCriterion.each(ServiceLevelObjectives.parse("ttft_p90=0.5s,speed_p50=20"));
        assertEquals(
                List.of("slo_ttft_p90=500ms", "slo_speed_p50=20"),
                each.stream().map(LevelCriterion::name).toList());
    }

    /** Ten requests of this median ITL over a 5 s level. */
    private static SloCapacity.Level level(int n, double itl) {
        return new SloCapacity.Level(
                n, IntStream.range(0, 10).mapToObj(i -> request(0.1, itl, 50)).toList(), 5.0);
    }

    @Test
    void theMarginIsTheWorstObjectivesShareOfItsBoundLeft() {
        // p90 TTFT 0.91 s against 1.82 s: half the bound left; ITL 10 ms against 50 ms: 0.8 left.
        assertEquals(
                0.5,
                SloCriterion.of(ServiceLevelObjectives.parse("ttft_p90=1820ms,itl_p90=50ms"))
                        .margin(tenTtfts())
                        .getAsDouble(),
                1e-12);
        // The speed on its reciprocal: 50 t/s against a floor of 40 leaves 1 - 40/50 of the time per token.
        assertEquals(
                0.2,
                SloCriterion.of(ServiceLevelObjectives.parse("speed_p50=40"))
                        .margin(tenTtfts())
                        .getAsDouble(),
                1e-12);
        // Negative when an objective fails, as holds() says.
        SloCriterion tight = SloCriterion.of(ServiceLevelObjectives.parse("ttft_p90=455ms"));
        assertEquals(-1, tight.margin(tenTtfts()).getAsDouble(), 1e-12);
        assertFalse(tight.holds(tenTtfts()));
        // Failures reaching the percentile: an infinite latency, no finite margin.
        List<SloSample> failing = new ArrayList<>(tenTtfts());
        for (int i = 0; i < 5; i++) {
            failing.add(FAILED);
        }
        assertTrue(tight.margin(failing).isEmpty());
        assertTrue(tight.margin(List.of(CANCELLED)).isEmpty());
    }
}
