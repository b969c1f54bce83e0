package io.benchsuite.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.schedule.QueryProfile;
import io.benchsuite.schedule.StopRule;
import io.benchsuite.suite.BenchmarkSpec;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardShareTest {

    private static BenchmarkSpec level(int n) {
        return new BenchmarkSpec(
                QueryProfile.CONSTANT_NUMBER_OF_QUERIES, 32, 16, n, 0, new StopRule(60, 2, 100), false, false);
    }

    @Test
    void aLevelIsSplitAsEvenlyAsPossibleAndAddsUpToIt() {
        for (int n = 1; n <= 40; n++) {
            for (int count = 1; count <= 5; count++) {
                BenchmarkSpec spec = level(n);
                int active = ShardShare.active(spec, count);
                int sum = 0;
                int min = Integer.MAX_VALUE;
                int max = 0;
                for (int i = 0; i < active; i++) {
                    int share = ShardShare.of(spec, count, i).requestsInFlight();
                    sum += share;
                    min = Math.min(min, share);
                    max = Math.max(max, share);
                }
                assertEquals(n, sum, n + " over " + count);
                assertTrue(max - min <= 1, n + " over " + count);
            }
        }
        assertEquals(4, ShardShare.of(level(10), 3, 0).requestsInFlight());
        assertEquals(3, ShardShare.of(level(10), 3, 2).requestsInFlight());
    }

    @Test
    void aLevelBelowTheShardCountUsesThatManyShards() {
        assertEquals(2, ShardShare.active(level(2), 3));
        assertThrows(IllegalArgumentException.class, () -> ShardShare.of(level(2), 3, 2));
    }

    @Test
    void theTargetCountIsSplitAndEveryShareKeepsItsRequests() {
        int target = IntStream.range(0, 3)
                .map(i -> ShardShare.of(level(6), 3, i).stopRule().targetQueries())
                .sum();
        assertEquals(100, target);
        assertTrue(ShardShare.of(level(6), 3, 1).queryMetrics(), "the merge needs every request");
        assertEquals(60, ShardShare.of(level(6), 3, 1).stopRule().maxDurationSeconds());
    }

    @Test
    void aRequestRateIsSplitIntoEqualParts() {
        BenchmarkSpec rate =
                new BenchmarkSpec(QueryProfile.REQUEST_RATE, 32, 16, 1, 9, StopRule.maxDurationOnly(10), false, false);
        assertEquals(3, ShardShare.active(rate, 3));
        assertEquals(3.0, ShardShare.of(rate, 3, 2).requestRate(), 1e-12);
    }

    @Test
    void shardZeroDrawsTheSuitesPromptsAndTheOthersTheirOwn() {
        assertEquals(1234L, ShardShare.promptSeed(1234L, 0));
        assertNotEquals(ShardShare.promptSeed(1234L, 1), ShardShare.promptSeed(1234L, 2));
        assertNotEquals(1234L, ShardShare.promptSeed(1234L, 1));
    }
}
