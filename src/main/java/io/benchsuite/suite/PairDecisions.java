package io.benchsuite.suite;

import io.benchsuite.config.BenchSettings;
import io.benchsuite.results.BenchmarkKind;
import io.benchsuite.stats.SweepLevel;
import io.benchsuite.stats.SweepSaturation;
import io.benchsuite.time.Ticker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The suite's decisions per (input, output) pair, with no I/O: whether a planned benchmark runs, and when a
 * pair's generation-speed sweep stops early. Time is read from a {@link Ticker}, so that the time budget is
 * tested on a fake clock. Not thread-safe: the suite's thread asks.
 *
 * <p>The rules, in the order they are applied to a benchmark:
 * <ol>
 * <li>a pair whose input + output tokens exceed the server's context (when it said) is skipped, since every
 *     request would fail with a 400 (the prompt lengths being nominal, a pair right at the limit may still
 *     fail some); prompt ingestion, whose prompts are the growing ones, always runs;</li>
 * <li>once a pair's sweep has stopped, its remaining levels are skipped;</li>
 * <li>with stop-on-saturation, the sweep stops when the last two levels below the next one were saturated (KV
 *     cache at or above the KV threshold and median speed below the speed threshold, see
 *     {@link SweepSaturation}); the grid runs its levels in increasing order, so these are the last two it
 *     ran, and the adaptive sweep may still come down below a saturated level to bisect;</li>
 * <li>the sweep stops when more than max-duration-speed-generation seconds have passed since the pair's first
 *     level started (the original tool's rule: no new level once the budget is spent).</li>
 * </ol>
 */
final class PairDecisions {

    /**
     * @param run  true to run (or to look for an already finished result of) the benchmark
     * @param note what to tell the user about a skip, once per pair and reason; empty when nothing new
     */
    record Decision(boolean run, Optional<String> note) {

        static final Decision RUN = new Decision(true, Optional.empty());
        static final Decision SKIP_QUIETLY = new Decision(false, Optional.empty());

        static Decision skip(String note) {
            return new Decision(false, Optional.of(note));
        }
    }

    private final OptionalInt contextTokens;
    private final boolean stopOnSaturation;
    private final SweepSaturation saturation;
    private final double timeBudgetSeconds;
    private final Ticker ticker;
    private final Map<String, List<SweepLevel>> levels = new HashMap<>();
    private final Map<String, Long> pairStartNanos = new HashMap<>();
    private final Map<String, String> sweepStops = new LinkedHashMap<>();
    private final Set<String> tooLong = new HashSet<>();

    /**
     * @param contextTokens     the server's context length in tokens, when it said (vLLM's max_model_len)
     * @param stopOnSaturation  stop a sweep after two saturated levels
     * @param kvCacheThreshold  KV-cache usage (0-1 fraction) at or above which a level may be saturated
     * @param speedThreshold    median generation speed (tokens per second) below which a level may be saturated
     * @param timeBudgetSeconds max-duration-speed-generation: seconds a pair's sweep may start new levels for
     */
    PairDecisions(
            OptionalInt contextTokens,
            boolean stopOnSaturation,
            double kvCacheThreshold,
            double speedThreshold,
            double timeBudgetSeconds,
            Ticker ticker) {
        this.contextTokens = contextTokens;
        this.stopOnSaturation = stopOnSaturation;
        this.saturation = new SweepSaturation(kvCacheThreshold, speedThreshold);
        this.timeBudgetSeconds = timeBudgetSeconds;
        this.ticker = ticker;
    }

    static PairDecisions of(BenchSettings settings, OptionalInt contextTokens, Ticker ticker) {
        return new PairDecisions(
                contextTokens,
                settings.stopOnSaturation(),
                settings.kvCacheThreshold(),
                settings.speedThreshold(),
                settings.maxDurationSpeedGeneration(),
                ticker);
    }

    /** Whether {@code b} runs, by the rules above; a sweep stopped here stays stopped. */
    Decision before(PlannedBenchmark b) {
        String pair = b.pairLabel();
        if (b.phase() != BenchmarkKind.PROMPT_INGESTION
                && contextTokens.isPresent()
                && b.inputLength() + b.outputLength() > contextTokens.getAsInt()) {
            return tooLong.add(pair)
                    ? Decision.skip("pair " + pair + " skipped: " + b.inputLength() + " + "
                            + b.outputLength() + " tokens do not fit the server's context of "
                            + contextTokens.getAsInt()
                            + " tokens")
                    : Decision.SKIP_QUIETLY;
        }
        if (b.phase() != BenchmarkKind.GENERATION_SPEED) {
            return Decision.RUN;
        }
        if (sweepStops.containsKey(pair)) {
            return Decision.SKIP_QUIETLY;
        }
        // The levels below this one, in increasing order: the grid measures them in that order anyway, and the
        // adaptive sweep, which comes back down to bisect, is only stopped from going above two saturated levels.
        List<SweepLevel> seen = levels.computeIfAbsent(pair, k -> new ArrayList<>()).stream()
                .filter(level -> level.parallelRequests() < b.level())
                .sorted(java.util.Comparator.comparingInt(SweepLevel::parallelRequests))
                .toList();
        if (stopOnSaturation && saturation.shouldStop(seen)) {
            return stopSweep(
                    pair,
                    "levels " + seen.get(seen.size() - 2).parallelRequests() + " and "
                            + seen.get(seen.size() - 1).parallelRequests() + " were saturated (KV cache >= "
                            + saturation.kvThreshold() + ", median speed < " + saturation.speedThreshold() + " t/s)");
        }
        Long started = pairStartNanos.get(pair);
        if (started != null && (ticker.nanoTime() - started) / 1e9 > timeBudgetSeconds) {
            return stopSweep(
                    pair, "its time budget (max-duration-speed-generation = " + timeBudgetSeconds + " s) was spent");
        }
        return Decision.RUN;
    }

    /** {@code b} starts measuring now: the first level of a pair that runs starts the pair's time budget. */
    void started(PlannedBenchmark b) {
        if (b.phase() == BenchmarkKind.GENERATION_SPEED) {
            pairStartNanos.putIfAbsent(b.pairLabel(), ticker.nanoTime());
        }
    }

    /** A level of {@code b}'s sweep was measured, now or by the run being resumed. */
    void levelMeasured(PlannedBenchmark b, SweepLevel level) {
        levels.computeIfAbsent(b.pairLabel(), k -> new ArrayList<>()).add(level);
    }

    /** Pair label to the reason its sweep stopped early, in the order they stopped. */
    Map<String, String> sweepStops() {
        return Collections.unmodifiableMap(sweepStops);
    }

    private Decision stopSweep(String pair, String reason) {
        sweepStops.put(pair, reason);
        return Decision.skip("sweep for " + pair + " stopped: " + reason);
    }
}
