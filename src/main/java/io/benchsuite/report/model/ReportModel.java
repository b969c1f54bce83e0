package io.benchsuite.report.model;

import io.benchsuite.config.ServiceLevelObjectives;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the report shows, computed once from the raw results; writers and charts only lay it out.
 *
 * @param modelName        the model's display name
 * @param gpuName          the GPU name, "unknown GPU" when nobody said
 * @param parameters       the parameters equal across every kept raw file, plus {@code gpu_name}
 * @param speedThreshold   the per-request speed threshold used, tokens/s
 * @param kvCacheThreshold the KV-cache threshold used, 0-1
 * @param ingestion        prompt-ingestion points and fit
 * @param pairs            one sweep per pair with kept levels, sorted by input then output
 * @param kvProfiles       one KV-cache profile per pair that has one, sorted likewise
 * @param keyNumbers       the model card's main metrics
 * @param issues           benchmarks with errors or interrupted
 * @param notes            what is missing or unusual, one sentence each
 * @param slo              the service-level objectives the pairs' capacities were read with; empty for none
 * @param sweepLevels      why each level of each pair's sweep ran; {@link SweepLevels#NONE} when not recorded.
 *                         {@code parameters} holds it as {@code sweep_levels} ({@link SweepLevels#asParameter()})
 */
public record ReportModel(
        String modelName,
        String gpuName,
        Map<String, Object> parameters,
        double speedThreshold,
        double kvCacheThreshold,
        IngestionReport ingestion,
        List<PairReport> pairs,
        List<KvProfileReport> kvProfiles,
        KeyNumbers keyNumbers,
        List<BenchmarkIssue> issues,
        List<String> notes,
        Optional<ServiceLevelObjectives> slo,
        SweepLevels sweepLevels) {

    public ReportModel {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        pairs = List.copyOf(pairs);
        kvProfiles = List.copyOf(kvProfiles);
        issues = List.copyOf(issues);
        notes = List.copyOf(notes);
    }

    /** Whether the server reported KV-cache usage: thresholds.csv then gets its KV column. */
    public boolean hasKvMetrics() {
        return pairs.stream().anyMatch(PairReport::hasKvMetrics);
    }

    public Optional<PairReport> pair(Pair pair) {
        return pairs.stream().filter(p -> p.pair().equals(pair)).findFirst();
    }
}
