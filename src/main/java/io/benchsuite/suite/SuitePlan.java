package io.benchsuite.suite;

import io.benchsuite.config.BenchSettings;
import io.benchsuite.config.SweepMode;
import io.benchsuite.results.BenchmarkKind;
import io.benchsuite.results.RawFileName;
import io.benchsuite.schedule.PrecisionStop;
import io.benchsuite.schedule.QueryProfile;
import io.benchsuite.schedule.StopRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The suite's benchmarks in the original tool's order: 4 prompt-ingestion runs, a KV-cache profile per
 * (input, output) pair when the server has metrics, then the generation-speed sweep per pair over the
 * parallel-request levels. Pure: settings in, list out; what actually runs is decided while running
 * (resume, sweep budget, saturation).
 */
public final class SuitePlan {

    public static final int PROMPT_INGESTION_RUNS = 4;
    /** "0" names the growing prompts dataset, as in the original tool. */
    public static final int GROWING_PROMPTS = 0;

    private SuitePlan() {}

    public static List<PlannedBenchmark> of(BenchSettings s, boolean serverMetrics) {
        List<PlannedBenchmark> plan = new ArrayList<>();
        for (int i = 0; i < PROMPT_INGESTION_RUNS; i++) {
            plan.add(new PlannedBenchmark(
                    BenchmarkKind.PROMPT_INGESTION,
                    RawFileName.promptIngestion(i).fileName(),
                    new BenchmarkSpec(
                            QueryProfile.CONSTANT_NUMBER_OF_QUERIES,
                            GROWING_PROMPTS,
                            1,
                            1,
                            0,
                            StopRule.maxDurationOnly(s.maxDurationPromptIngestion()),
                            true,
                            false),
                    0,
                    1,
                    1));
        }
        if (serverMetrics) {
            for (int in : s.inputLengths()) {
                for (int out : s.outputLengths()) {
                    plan.add(new PlannedBenchmark(
                            BenchmarkKind.KV_CACHE_PROFILE,
                            RawFileName.kvCacheProfile(in, out).fileName(),
                            new BenchmarkSpec(
                                    QueryProfile.GROWING_REQUESTS,
                                    in,
                                    out,
                                    1,
                                    0,
                                    StopRule.maxDurationOnly(s.maxDurationKvCacheProfile()),
                                    false,
                                    true),
                            in,
                            out,
                            0));
                }
            }
        }
        // With the adaptive sweep these are the levels it may choose from: the suite replaces each pair's list by
        // the levels its search asks for (see SuiteRunner); the list still sizes the pool and the progress.
        for (int in : s.inputLengths()) {
            for (int out : s.outputLengths()) {
                for (int n : s.parallelRequests()) {
                    plan.add(generationSpeed(s, in, out, n));
                }
            }
        }
        return List.copyOf(plan);
    }

    /**
     * One level of a pair's generation-speed sweep, any whole number of parallel requests (the adaptive sweep
     * runs levels outside the parallel-requests list): with the sweep setting adaptive, the level also stops once
     * its median speed is known to {@link PrecisionStop#DEFAULT_RELATIVE_HALF_WIDTH} (after
     * min-number-of-valid-queries valid requests, at least one).
     */
    public static PlannedBenchmark generationSpeed(BenchSettings s, int in, int out, int n) {
        StopRule speedRule = new StopRule(
                s.maxDurationSpeedGeneration(), s.minDurationSpeedGeneration(), s.targetQueriesNbSpeedGeneration());
        Optional<PrecisionStop> precision = SweepMode.parse(s.sweep()) == SweepMode.ADAPTIVE
                ? Optional.of(new PrecisionStop(
                        Math.max(1, s.minNumberOfValidQueries()), PrecisionStop.DEFAULT_RELATIVE_HALF_WIDTH))
                : Optional.empty();
        return new PlannedBenchmark(
                BenchmarkKind.GENERATION_SPEED,
                RawFileName.generationSpeed(in, out, n).fileName(),
                new BenchmarkSpec(
                        QueryProfile.CONSTANT_NUMBER_OF_QUERIES,
                        in,
                        out,
                        n,
                        0,
                        speedRule,
                        // The service-level objectives read every request (individual_query).
                        s.slo().filter(slo -> !slo.isBlank()).isPresent(),
                        false,
                        precision),
                in,
                out,
                n);
    }

    /** The largest number of requests any benchmark of the plan keeps in flight, to size the client pool. */
    public static int maxConcurrency(List<PlannedBenchmark> plan, int maxQueries) {
        return plan.stream()
                .mapToInt(b -> b.spec().maxInFlight(maxQueries))
                .max()
                .orElse(1);
    }
}
