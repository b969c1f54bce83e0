package io.benchsuite.stats;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Aggregate generation speed per level of a sweep: {@code generated tokens / (wall time - overhead)}, where
 * the overhead (warm-up request, metric polling before and after, gaps between requests) is measured once
 * on a baseline level and subtracted from every level.
 *
 * <p>The original takes the baseline from the N=1 run, {@code overhead = actual_total_time - total_time},
 * and fails when that run is missing (a slow 1024-token level is often filtered out). Here the baseline is
 * the smallest level present, b, and {@code overhead = actual_total_time(b) - total_time(b) / b}: with b
 * requests always in flight the request durations add up to about b times the busy wall time, and for
 * b = 1 this is exactly the original formula. A negative overhead (impossible at N=1, possible at b > 1
 * when the level was not always full) is taken as 0. A level whose wall time does not exceed the overhead
 * has no meaningful speed and gets 0.
 *
 * @param baselineLevel   the level the overhead comes from
 * @param overheadSeconds the overhead subtracted from every level's wall time
 * @param points          one point per level, by increasing level
 * @param note            why the baseline is not N=1, when it is not
 */
public record TotalSpeedGeneration(
        int baselineLevel, double overheadSeconds, List<TotalSpeedPoint> points, Optional<String> note) {

    public TotalSpeedGeneration {
        points = List.copyOf(points);
    }

    /** Empty when there is no level at all. */
    public static Optional<TotalSpeedGeneration> of(List<LevelTotals> levels) {
        if (levels.isEmpty()) {
            return Optional.empty();
        }
        List<LevelTotals> ascending = levels.stream()
                .sorted(Comparator.comparingInt(LevelTotals::parallelRequests))
                .toList();
        LevelTotals baseline = ascending.get(0);
        double overhead = Math.max(0, baseline.actualTotalTime() - baseline.totalTime() / baseline.parallelRequests());
        List<TotalSpeedPoint> points = ascending.stream()
                .map(level -> new TotalSpeedPoint(
                        level.parallelRequests(),
                        level.totalTime(),
                        level.actualTotalTime(),
                        level.generatedTokens(),
                        Rates.perSecond(level.generatedTokens(), level.actualTotalTime() - overhead)))
                .toList();
        Optional<String> note = baseline.parallelRequests() == 1
                ? Optional.empty()
                : Optional.of("No run with 1 parallel request; the overhead was estimated from the run with "
                        + baseline.parallelRequests() + " as actual_total_time - total_time / "
                        + baseline.parallelRequests() + ".");
        return Optional.of(new TotalSpeedGeneration(baseline.parallelRequests(), overhead, points, note));
    }
}
