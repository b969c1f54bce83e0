package io.benchsuite.report;

import io.benchsuite.report.model.IngestionReport;
import io.benchsuite.report.model.KvProfileReport;
import io.benchsuite.report.model.LevelReport;
import io.benchsuite.report.model.PairReport;
import io.benchsuite.report.model.Quartiles;
import io.benchsuite.stats.IngestionPoint;
import io.benchsuite.stats.PromptIngestionFit;
import io.benchsuite.stats.TotalSpeedGeneration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code data/} JSON behind each graph, so that the numbers of a picture can be read back exactly. The
 * original's keys are kept where it had a file; what is new comes after them.
 */
final class GraphData {

    private static final double SECONDS_PER_MILLI = 0.001;

    private GraphData() {}

    /**
     * {@code fit_coefficients} [slope, intercept], then the kept points as two arrays of the same length
     * (the original paired the kept x with every y), then every point and the first fit (new).
     */
    static Map<String, Object> ingestion(IngestionReport ingestion) {
        Map<String, Object> map = new LinkedHashMap<>();
        Optional<PromptIngestionFit> fit = ingestion.fit();
        map.put(
                "fit_coefficients",
                fit.map(f -> List.of(f.fit().slope(), f.fit().intercept())).orElse(null));
        List<IngestionPoint> kept = fit.map(PromptIngestionFit::keptPoints).orElse(List.of());
        map.put(
                "prompt_lengths",
                kept.stream().map(IngestionPoint::promptLength).toList());
        map.put(
                "times_to_first_token",
                kept.stream().map(IngestionPoint::timeToFirstToken).toList());
        map.put(
                "prompt_ingestion_speed",
                fit.map(PromptIngestionFit::tokensPerSecond).orElse(null));
        map.put(
                "first_fit_coefficients",
                fit.map(f -> List.of(f.firstFit().slope(), f.firstFit().intercept()))
                        .orElse(null));
        map.put(
                "all_prompt_lengths",
                ingestion.points().stream().map(IngestionPoint::promptLength).toList());
        map.put(
                "all_times_to_first_token",
                ingestion.points().stream()
                        .map(IngestionPoint::timeToFirstToken)
                        .toList());
        return map;
    }

    /** Keyed "0", "1", ... per pair as in the original, each with its points, lengths and the overhead used. */
    static Map<String, Object> totalSpeed(List<PairReport> pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        int index = 0;
        for (PairReport pair : pairs) {
            if (pair.totalSpeed().isEmpty()) {
                continue;
            }
            TotalSpeedGeneration total = pair.totalSpeed().get();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("data", total.points());
            entry.put("input_length", pair.pair().inputLength());
            entry.put("output_length", pair.pair().outputLength());
            entry.put("baseline_level", total.baselineLevel());
            entry.put("overhead_seconds", total.overheadSeconds());
            map.put(String.valueOf(index++), entry);
        }
        return map;
    }

    /**
     * Keyed by N as text. {@code speed_generation} and {@code time_to_first_token} are
     * [median - p25, median, p75 - median] as in the original, the TTFT in seconds as it wrote them; the same
     * in milliseconds, the errors and the completeness follow.
     */
    static Map<String, Object> speedGeneration(PairReport pair) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (LevelReport level : pair.levels()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("speed_generation", bars(level.speed()));
            entry.put("time_to_first_token", bars(level.ttftMillis().map(q -> q.scaled(SECONDS_PER_MILLI))));
            entry.put("max_kv_cache", level.maxKvCache());
            entry.put("parallel_requests_nb", level.parallelRequests());
            entry.put("time_to_first_token_ms", bars(level.ttftMillis()));
            entry.put("total_number_of_queries", level.totalQueries());
            entry.put("nb_errored_queries", level.errors());
            entry.put("nb_timeout_queries", level.timeouts());
            entry.put("errors_by_kind", level.errorsByKind());
            entry.put("complete", level.complete());
            entry.put("nb_output_length_mismatch", level.lengthMismatches());
            if (level.contentComesLater()) { // a reasoning model: the first visible token comes after its thinking
                entry.put("time_to_first_content_ms", bars(level.ttfcMillis()));
            }
            map.put(String.valueOf(level.parallelRequests()), entry);
        }
        return map;
    }

    /**
     * New: the points behind a KV-cache profile graph, as parallel arrays; when the profile was reduced to
     * time buckets, {@code bucket_maxima} is true and each point holds the maxima of its bucket.
     */
    static Map<String, Object> kvProfile(KvProfileReport profile) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("input_length", profile.pair().inputLength());
        map.put("output_length", profile.pair().outputLength());
        map.put(
                "time_seconds",
                profile.points().stream().map(KvProfileReport.Point::seconds).toList());
        map.put(
                "gpu_cache_usage_perc",
                profile.points().stream().map(KvProfileReport.Point::usage).toList());
        map.put(
                "num_requests_running",
                profile.points().stream().map(KvProfileReport.Point::running).toList());
        map.put(
                "num_requests_waiting",
                profile.points().stream().map(KvProfileReport.Point::waiting).toList());
        map.put("sample_count", profile.sampleCount());
        map.put("bucket_maxima", profile.isReduced());
        map.put("dropped_samples", profile.droppedPoints());
        return map;
    }

    private static List<Double> bars(Optional<Quartiles> quartiles) {
        return quartiles
                .map(q -> List.of(q.median() - q.p25(), q.median(), q.p75() - q.median()))
                .orElse(null);
    }
}
