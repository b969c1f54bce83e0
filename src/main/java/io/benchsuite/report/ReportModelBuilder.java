package io.benchsuite.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.benchsuite.config.ServiceLevelObjectives;
import io.benchsuite.health.ClientHealth;
import io.benchsuite.report.model.BenchmarkIssue;
import io.benchsuite.report.model.IngestionReport;
import io.benchsuite.report.model.KeyNumbers;
import io.benchsuite.report.model.KvProfileReport;
import io.benchsuite.report.model.LevelReport;
import io.benchsuite.report.model.Pair;
import io.benchsuite.report.model.PairReport;
import io.benchsuite.report.model.Quartiles;
import io.benchsuite.report.model.ReportModel;
import io.benchsuite.report.model.SweepLevels;
import io.benchsuite.results.BenchmarkKind;
import io.benchsuite.results.JsonFiles;
import io.benchsuite.results.KvProfileSample;
import io.benchsuite.stats.IngestionPoint;
import io.benchsuite.stats.KvCapacity;
import io.benchsuite.stats.KvProfileRun;
import io.benchsuite.stats.KvSample;
import io.benchsuite.stats.LevelThreshold;
import io.benchsuite.stats.PromptIngestionFit;
import io.benchsuite.stats.Rounding;
import io.benchsuite.stats.SloCapacity;
import io.benchsuite.stats.SloCriterion;
import io.benchsuite.stats.SweepLevel;
import io.benchsuite.stats.Thresholds;
import io.benchsuite.stats.TotalSpeedGeneration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Builds the {@link ReportModel} from the raw results with the statistics of {@code io.benchsuite.stats}.
 * Pure: no files, no clock. Never fails on missing data: whatever is absent becomes a note, and the
 * figures that depend on it are left empty.
 */
public final class ReportModelBuilder {

    private static final double MILLIS_PER_SECOND = 1000.0;

    private ReportModelBuilder() {}

    public static ReportModel build(RawResults raw, ReportSettings settings) {
        List<String> notes = new ArrayList<>(raw.warnings());
        List<RawRun> kept = raw.kept();
        for (RawRun run : raw.tooFewValid()) {
            notes.add(run.fileName() + ": only " + run.validQueries() + " valid queries (fewer than "
                    + settings.minNumberOfValidQueries() + "), left out of the report.");
        }
        if (kept.isEmpty()) {
            notes.add("No usable raw result: every graph and figure of this report is empty.");
        }
        notePromptCacheHits(raw, notes);
        IngestionReport ingestion = ingestion(byKind(kept, BenchmarkKind.PROMPT_INGESTION), notes);
        List<PairReport> pairs = pairs(raw, settings, notes);
        List<KvProfileReport> kvProfiles = kvProfiles(byKind(kept, BenchmarkKind.KV_CACHE_PROFILE), notes);
        noteMissingPairs(raw, pairs, kvProfiles, notes);
        noteShortSweeps(
                pairs,
                notes,
                kept.stream().anyMatch(run -> "adaptive".equals(run.parameters().get("sweep"))));
        noteLengthNotForced(kept, notes);
        Map<String, Object> parameters = commonParameters(kept);
        parameters.remove("sweep_reason");
        if (!"adaptive".equals(parameters.get("sweep"))) {
            // The adaptive sweep runs only the levels its search needs: the ones it left out are no news.
            noteLevelsNotRun(pairs, parameters.get("parallel_requests"), notes);
        }
        SweepLevels sweepLevels = sweepLevels(raw);
        if (sweepLevels.recorded()) {
            parameters.put("sweep_levels", sweepLevels.asParameter());
        }
        String gpuName =
                settings.gpuName().or(() -> text(parameters.get("gpu_name"))).orElse("unknown GPU");
        parameters.put(
                "gpu_name",
                settings.gpuName().orElse(text(parameters.get("gpu_name")).orElse(null)));
        // The thresholds this report was drawn with (report --speed-threshold 45 redraws a run measured with 20).
        parameters.put("speed_threshold", settings.speedThreshold());
        parameters.put("kv_cache_threshold", settings.kvCacheThreshold());
        String modelName = settings.modelName()
                .or(() -> firstParameter(kept, "model_name"))
                .or(() -> firstParameter(kept, "model"))
                .orElse("unknown model");
        KeyNumbers keyNumbers = keyNumbers(ingestion, pairs, kept, notes);
        return new ReportModel(
                modelName,
                gpuName,
                parameters,
                settings.speedThreshold(),
                settings.kvCacheThreshold(),
                ingestion,
                pairs,
                kvProfiles,
                keyNumbers,
                issues(raw),
                notes,
                settings.slo(),
                sweepLevels);
    }

    private static IngestionReport ingestion(List<RawRun> runs, List<String> notes) {
        List<IngestionPoint> points =
                runs.stream().flatMap(run -> run.ingestionPoints().stream()).toList();
        if (runs.isEmpty()) {
            notes.add("No prompt-ingestion result: no ingestion speed and no ingestion graph.");
            return new IngestionReport(points, Optional.empty());
        }
        Optional<PromptIngestionFit> fit = PromptIngestionFit.of(points);
        if (fit.isEmpty()) {
            notes.add("The prompt-ingestion points (" + points.size() + ") allow no line fit: fewer than two "
                    + "distinct prompt lengths (a server that reports no usage gives length 0) or a slope that "
                    + "is not positive.");
        } else if (fit.get().droppedPoints() > 0) {
            notes.add("Prompt ingestion: " + fit.get().droppedPoints() + " of " + points.size()
                    + " points were more than 5 % away from the first fit and left out of the second.");
        }
        noteLeftOutForContext(runs, points, notes);
        return new IngestionReport(points, fit);
    }

    /**
     * The suite sends only the growing prompts that fit the server's context and records how many it left out
     * ({@code prompts_left_out_for_context}): the fit then covers a shorter range than the dataset's.
     */
    private static void noteLeftOutForContext(List<RawRun> runs, List<IngestionPoint> points, List<String> notes) {
        int leftOut = runs.stream()
                .mapToInt(run ->
                        run.parameters().get("prompts_left_out_for_context") instanceof Number n ? n.intValue() : 0)
                .max()
                .orElse(0);
        if (leftOut > 0) {
            long longest = Math.round(points.stream()
                    .mapToDouble(IngestionPoint::promptLength)
                    .max()
                    .orElse(0));
            notes.add("Prompt ingestion: " + leftOut + " growing prompts longer than the server's context were left "
                    + "out, so the ingestion fit covers prompts up to " + longest + " tokens only.");
        }
    }

    private static List<PairReport> pairs(RawResults raw, ReportSettings settings, List<String> notes) {
        Map<Pair, List<RawRun>> keptByPair = byPair(byKind(raw.kept(), BenchmarkKind.GENERATION_SPEED));
        Map<Pair, List<RawRun>> filteredByPair = byPair(byKind(raw.tooFewValid(), BenchmarkKind.GENERATION_SPEED));
        Set<Pair> allPairs = new TreeSet<>(keptByPair.keySet());
        allPairs.addAll(filteredByPair.keySet());
        List<PairReport> pairs = new ArrayList<>();
        for (Pair pair : allPairs) {
            List<RawRun> runs = keptByPair.getOrDefault(pair, List.of()).stream()
                    .sorted(Comparator.comparingInt(run -> run.name().parallelRequests()))
                    .toList();
            List<Integer> filteredOut = levels(filteredByPair.getOrDefault(pair, List.of()));
            if (runs.isEmpty()) {
                notes.add("Pair " + pair + ": no generation-speed level had enough valid queries (levels run: "
                        + filteredOut + "); no speed graph and no threshold for it.");
                continue;
            }
            if (hasDuplicateLevels(runs)) {
                notes.add("Pair " + pair + ": a level appears in two files; only the first of each is used.");
                runs = firstOfEachLevel(runs);
            }
            List<LevelReport> levels =
                    runs.stream().map(ReportModelBuilder::level).toList();
            List<SweepLevel> sweep = runs.stream()
                    .map(run -> new SweepLevel(
                            run.name().parallelRequests(),
                            run.speedFromBeginning()
                                    .map(q -> OptionalDouble.of(q.median()))
                                    .orElse(OptionalDouble.empty()),
                            run.maxKvCache()))
                    .toList();
            LevelThreshold speedThreshold = Thresholds.speed(sweep, settings.speedThreshold());
            Optional<LevelThreshold> kvThreshold = Thresholds.kvCache(sweep, settings.kvCacheThreshold());
            Optional<TotalSpeedGeneration> totalSpeed = TotalSpeedGeneration.of(
                    runs.stream().map(RawRun::levelTotals).toList());
            totalSpeed.flatMap(TotalSpeedGeneration::note).ifPresent(note -> notes.add("Pair " + pair + ": " + note));
            TreeSet<Integer> levelsRun = new TreeSet<>(levels(runs));
            levelsRun.addAll(filteredOut);
            List<RawRun> sloRuns = runs;
            Optional<SloCapacity> slo =
                    settings.slo().flatMap(objectives -> sloCapacity(pair, sloRuns, objectives, notes));
            pairs.add(new PairReport(
                    pair, levels, speedThreshold, kvThreshold, totalSpeed, List.copyOf(levelsRun), filteredOut, slo));
        }
        if (allPairs.isEmpty()) {
            notes.add("No generation-speed result: no speed graphs, no thresholds and no total speed.");
        }
        return pairs;
    }

    /**
     * The capacity under the objectives over the kept levels; empty, with a note, when a level's file holds no
     * per-request record (individual_query), since every objective reads requests one by one.
     */
    private static Optional<SloCapacity> sloCapacity(
            Pair pair, List<RawRun> runs, ServiceLevelObjectives objectives, List<String> notes) {
        List<Integer> without = runs.stream()
                .filter(run -> run.requests().isEmpty())
                .map(run -> run.name().parallelRequests())
                .toList();
        if (!without.isEmpty()) {
            notes.add("Pair " + pair + ": levels " + without + " have no per-request records (individual_query: "
                    + "the run was made without --slo), so no capacity under the objectives " + objectives.text()
                    + ".");
            return Optional.empty();
        }
        return Optional.of(SloCapacity.of(
                SloCriterion.of(objectives),
                runs.stream()
                        .map(run -> new SloCapacity.Level(
                                run.name().parallelRequests(), run.requests().orElseThrow(), run.actualTotalTime()))
                        .toList()));
    }

    private static LevelReport level(RawRun run) {
        return new LevelReport(
                run.name().parallelRequests(),
                run.speedFromBeginning(),
                run.timeToFirstToken().map(q -> q.scaled(MILLIS_PER_SECOND)),
                run.maxKvCache(),
                run.totalQueries(),
                run.erroredQueries(),
                run.timeoutQueries(),
                run.errorsByKind(),
                run.complete(),
                run.timeToFirstContent().map(q -> q.scaled(MILLIS_PER_SECOND)),
                run.outputLengthMismatches());
    }

    private static List<KvProfileReport> kvProfiles(List<RawRun> runs, List<String> notes) {
        List<KvProfileReport> profiles = new ArrayList<>();
        for (RawRun run :
                runs.stream().sorted(Comparator.comparing(r -> r.pair())).toList()) {
            List<KvProfileSample> usable = run.kvProfile().stream()
                    .filter(s -> s.gpuCacheUsagePerc() != null
                            && s.numRequestsRunning() != null
                            && s.numRequestsWaiting() != null)
                    .sorted(Comparator.comparingDouble(KvProfileSample::timestamp))
                    .toList();
            if (usable.isEmpty()) {
                notes.add(run.fileName() + ": no KV-cache sample with all three gauges; no KV-cache graph for it.");
                continue;
            }
            double start = usable.get(0).timestamp();
            List<KvProfileReport.Point> points = usable.stream()
                    .map(s -> new KvProfileReport.Point(
                            s.timestamp() - start,
                            s.gpuCacheUsagePerc(),
                            s.numRequestsRunning(),
                            s.numRequestsWaiting()))
                    .toList();
            profiles.add(new KvProfileReport(
                    run.pair(),
                    bucketMaxima(points, KvProfileReport.MAX_POINTS),
                    points.size(),
                    run.kvProfile().size() - usable.size()));
        }
        return profiles;
    }

    /**
     * At most {@code maxPoints} points: the time range cut into equal buckets, each holding the maximum of
     * each gauge over its samples, at the bucket's start. Empty buckets are skipped. Fewer points than the
     * limit are returned as they are.
     */
    static List<KvProfileReport.Point> bucketMaxima(List<KvProfileReport.Point> points, int maxPoints) {
        if (points.size() <= maxPoints) {
            return points;
        }
        double span = points.get(points.size() - 1).seconds();
        double width = span / maxPoints;
        List<KvProfileReport.Point> reduced = new ArrayList<>();
        int index = 0;
        for (int bucket = 0; bucket < maxPoints && index < points.size(); bucket++) {
            double end = bucket == maxPoints - 1 ? Double.POSITIVE_INFINITY : (bucket + 1) * width;
            double usage = Double.NEGATIVE_INFINITY;
            double running = Double.NEGATIVE_INFINITY;
            double waiting = Double.NEGATIVE_INFINITY;
            boolean any = false;
            for (; index < points.size() && points.get(index).seconds() < end; index++) {
                KvProfileReport.Point point = points.get(index);
                usage = Math.max(usage, point.usage());
                running = Math.max(running, point.running());
                waiting = Math.max(waiting, point.waiting());
                any = true;
            }
            if (any) {
                reduced.add(new KvProfileReport.Point(bucket * width, usage, running, waiting));
            }
        }
        return reduced;
    }

    /**
     * The suite runs every input length with every output length, so the pairs it should have produced are
     * the cross product of the lengths seen anywhere; the ones without results are named.
     */
    private static void noteMissingPairs(
            RawResults raw, List<PairReport> pairs, List<KvProfileReport> kvProfiles, List<String> notes) {
        List<RawRun> all = new ArrayList<>(raw.kept());
        all.addAll(raw.tooFewValid());
        Set<Integer> inputs = new TreeSet<>();
        Set<Integer> outputs = new TreeSet<>();
        Set<Pair> withSpeedFiles = new TreeSet<>();
        for (RawRun run : all) {
            if (run.name().kind() != BenchmarkKind.PROMPT_INGESTION) {
                inputs.add(run.name().inputLength());
                outputs.add(run.name().outputLength());
            }
            if (run.name().kind() == BenchmarkKind.GENERATION_SPEED) {
                withSpeedFiles.add(run.pair());
            }
        }
        Set<Pair> withProfile = kvProfiles.stream().map(KvProfileReport::pair).collect(Collectors.toSet());
        for (int input : inputs) {
            for (int output : outputs) {
                Pair pair = new Pair(input, output);
                if (!withSpeedFiles.contains(pair)) {
                    notes.add("Pair " + pair + ": no generation-speed result at all (the suite did not reach it, "
                            + "or its files are missing).");
                }
                if (!kvProfiles.isEmpty() && !withProfile.contains(pair)) {
                    notes.add("Pair " + pair + ": no usable KV-cache profile, unlike other pairs.");
                }
            }
        }
    }

    /** A sweep whose highest level is below the others' stopped early: time budget or saturation. */
    /** @param adaptive the adaptive sweep ran: a pair whose search ended below the others' levels is no news */
    private static void noteShortSweeps(List<PairReport> pairs, List<String> notes, boolean adaptive) {
        int highest = pairs.stream()
                .flatMap(p -> p.levelsRun().stream())
                .mapToInt(Integer::intValue)
                .max()
                .orElse(0);
        for (PairReport pair : pairs) {
            int last = pair.levelsRun().get(pair.levelsRun().size() - 1);
            if (last < highest && !adaptive) {
                notes.add("Pair " + pair.pair() + ": the sweep stopped at " + last + " parallel requests (others "
                        + "reached " + highest + "), by its time budget or because the server was saturated. "
                        + "Levels run: " + pair.levelsRun() + ".");
            }
            if (!pair.levelsFilteredOut().isEmpty()) {
                notes.add("Pair " + pair.pair() + ": levels " + pair.levelsFilteredOut()
                        + " ran but had too few valid queries and are not shown.");
            }
        }
    }

    /**
     * Why each level of each pair's sweep ran: the reason is the adaptive sweep's ({@code sweep_reason} of the raw
     * parameters), or {@code "grid"} for a level of a grid sweep; a level that recorded neither has no row. Every
     * pair with a generation-speed file is listed, kept or not. {@link SweepLevels#NONE} when no level recorded a
     * reason (results written before the sweep was recorded).
     */
    static SweepLevels sweepLevels(RawResults raw) {
        List<RawRun> runs = new ArrayList<>(raw.kept());
        runs.addAll(raw.tooFewValid());
        Map<Pair, List<RawRun>> byPair = byPair(byKind(runs, BenchmarkKind.GENERATION_SPEED));
        List<SweepLevels.Row> rows = new ArrayList<>();
        for (Map.Entry<Pair, List<RawRun>> entry : byPair.entrySet()) {
            for (RawRun run : entry.getValue().stream()
                    .sorted(Comparator.comparingInt(r -> r.name().parallelRequests()))
                    .toList()) {
                Object reason = run.parameters().get("sweep_reason");
                if (reason == null && "grid".equals(run.parameters().get("sweep"))) {
                    reason = "grid";
                }
                if (reason != null) {
                    rows.add(new SweepLevels.Row(entry.getKey(), run.name().parallelRequests(), reason.toString()));
                }
            }
        }
        return rows.isEmpty() ? SweepLevels.NONE : new SweepLevels(List.copyOf(byPair.keySet()), rows);
    }

    /**
     * With the levels the run asked for (recorded since they were), a pair whose sweep ran only some of them
     * is named with what ran: its thresholds say nothing about the levels above.
     */
    private static void noteLevelsNotRun(List<PairReport> pairs, Object asked, List<String> notes) {
        if (!(asked instanceof List<?> list) || list.isEmpty()) {
            return;
        }
        List<Integer> levels = list.stream()
                .filter(Number.class::isInstance)
                .map(n -> ((Number) n).intValue())
                .sorted()
                .toList();
        for (PairReport pair : pairs) {
            if (!pair.levelsRun().containsAll(levels)) {
                notes.add("Pair " + pair.pair() + ": only levels " + join(pair.levelsRun()) + " ran of the "
                        + join(levels) + " asked for (the sweep stopped on its time budget or on saturation); its "
                        + "thresholds say nothing about the levels that did not run.");
            }
        }
    }

    private static String join(List<Integer> levels) {
        return levels.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static KeyNumbers keyNumbers(
            IngestionReport ingestion, List<PairReport> pairs, List<RawRun> kept, List<String> notes) {
        OptionalLong ingestionSpeed = ingestion
                .fit()
                .map(fit -> OptionalLong.of(Rounding.roundDown(fit.tokensPerSecond(), Rounding.INGESTION_SPEED_STEP)))
                .orElse(OptionalLong.empty());
        Optional<Quartiles> reference = pairs.stream()
                .filter(p -> p.pair().equals(KeyNumbers.REFERENCE_PAIR))
                .findFirst()
                .flatMap(p -> p.level(KeyNumbers.REFERENCE_LEVEL))
                .flatMap(LevelReport::speed);
        if (reference.isEmpty()) {
            notes.add("No usable level with " + KeyNumbers.REFERENCE_LEVEL + " parallel requests for the pair "
                    + KeyNumbers.REFERENCE_PAIR + ": the model card's speed figure is NA.");
        }
        OptionalDouble referenceSpeed =
                reference.map(q -> OptionalDouble.of(q.median())).orElse(OptionalDouble.empty());
        OptionalLong exact = exactKvCapacity(kept);
        OptionalLong capacity = exact.isPresent()
                ? exact
                : KvCapacity.estimateTokens(byKind(kept, BenchmarkKind.KV_CACHE_PROFILE).stream()
                        .map(ReportModelBuilder::kvProfileRun)
                        .toList());
        // The exact figure is shown as is; only the rough estimate is rounded as the original tool did (a
        // small cache would otherwise read "~0k tokens").
        OptionalLong rounded = exact.isPresent()
                ? exact
                : capacity.isPresent()
                        ? OptionalLong.of(Rounding.roundDown(capacity.getAsLong(), Rounding.KV_CAPACITY_STEP))
                        : OptionalLong.empty();
        return new KeyNumbers(ingestionSpeed, referenceSpeed, rounded, exact.isPresent());
    }

    /** vLLM's {@code cache_config_info} gives the exact capacity when a run recorded it in its parameters. */
    private static OptionalLong exactKvCapacity(List<RawRun> kept) {
        for (RawRun run : kept) {
            OptionalLong blocks = wholeNumber(run.parameters().get("num_gpu_blocks"));
            OptionalLong blockSize = wholeNumber(run.parameters().get("block_size"));
            if (blocks.isPresent() && blockSize.isPresent()) {
                OptionalLong exact = KvCapacity.exactTokens(blocks.getAsLong(), blockSize.getAsLong());
                if (exact.isPresent()) {
                    return exact;
                }
            }
        }
        return OptionalLong.empty();
    }

    /** A number, or a label value holding one: Prometheus labels are text ("280"). */
    private static OptionalLong wholeNumber(Object value) {
        if (value instanceof Number n) {
            return OptionalLong.of(n.longValue());
        }
        if (value instanceof String s && s.matches("\\d{1,18}")) {
            return OptionalLong.of(Long.parseLong(s));
        }
        return OptionalLong.empty();
    }

    private static KvProfileRun kvProfileRun(RawRun run) {
        List<KvSample> samples = run.kvProfile().stream()
                .filter(s -> s.gpuCacheUsagePerc() != null && s.numRequestsRunning() != null)
                .map(s -> new KvSample(s.gpuCacheUsagePerc(), s.numRequestsRunning()))
                .toList();
        return new KvProfileRun(run.ingestedTokens(), run.generatedTokens(), run.totalQueries(), samples);
    }

    /** Said once for the run, where a backend that cannot force the length would otherwise flag every request. */
    private static void noteLengthNotForced(List<RawRun> kept, List<String> notes) {
        kept.stream()
                .filter(run -> Boolean.FALSE.equals(run.parameters().get("output_length_forced")))
                .findFirst()
                .ifPresent(run -> notes.add("The server was not told to generate exactly the output length asked for"
                        + " (backend " + run.parameters().get("backend") + "): answers may be shorter, so speeds per"
                        + " request and total tokens may be lower than with exact lengths."));
    }

    /** A note per benchmark whose server answered prompts mostly from its prompt cache (see PromptCacheCheck). */
    private static void notePromptCacheHits(RawResults raw, List<String> notes) {
        List<RawRun> all = new ArrayList<>(raw.kept());
        all.addAll(raw.tooFewValid());
        all.sort(Comparator.comparing(RawRun::fileName));
        for (RawRun run : all) {
            io.benchsuite.stats.PromptCacheCheck.warning(run.cachedPromptRequests(), run.totalQueries())
                    .ifPresent(w -> notes.add(run.fileName() + ": " + w + "."));
        }
    }

    private static List<BenchmarkIssue> issues(RawResults raw) {
        List<BenchmarkIssue> issues = new ArrayList<>();
        List<RawRun> all = new ArrayList<>(raw.kept());
        all.addAll(raw.tooFewValid());
        all.sort(Comparator.comparing(RawRun::fileName));
        Set<String> used = raw.kept().stream().map(RawRun::fileName).collect(Collectors.toSet());
        for (RawRun run : all) {
            boolean stalled = run.clientHealth().map(ClientHealth::degraded).orElse(false);
            if (run.erroredQueries() > 0 || !run.complete() || run.outputLengthMismatches() > 0 || stalled) {
                issues.add(new BenchmarkIssue(
                        run.fileName(),
                        run.erroredQueries(),
                        run.timeoutQueries(),
                        run.errorsByKind(),
                        run.complete(),
                        used.contains(run.fileName()),
                        run.outputLengthMismatches(),
                        run.clientHealth()
                                .map(h -> h.degraded() ? h.verdict() + ": " + h.reason() : h.verdict())
                                .orElse("-"),
                        run.inDoubt()));
            }
        }
        return issues;
    }

    /**
     * The parameters with the same value in every kept file, in the first file's key order; the values that
     * vary (the level, the lengths, the profile) drop out, as in the original.
     */
    private static Map<String, Object> commonParameters(List<RawRun> kept) {
        Map<String, Object> common = new LinkedHashMap<>();
        if (kept.isEmpty()) {
            return common;
        }
        for (Map.Entry<String, Object> entry : kept.get(0).parameters().entrySet()) {
            JsonNode value = JsonFiles.MAPPER.valueToTree(entry.getValue());
            boolean everywhere = kept.stream()
                    .allMatch(run -> run.parameters().containsKey(entry.getKey())
                            && value.equals(JsonFiles.MAPPER.valueToTree(
                                    run.parameters().get(entry.getKey()))));
            if (everywhere) {
                common.put(entry.getKey(), entry.getValue());
            }
        }
        return common;
    }

    private static Optional<String> firstParameter(List<RawRun> runs, String key) {
        return runs.stream()
                .map(run -> run.parameters().get(key))
                .map(ReportModelBuilder::text)
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<String> text(Object value) {
        return Optional.ofNullable(value).map(Objects::toString).filter(s -> !s.isBlank());
    }

    private static List<RawRun> byKind(List<RawRun> runs, BenchmarkKind kind) {
        return runs.stream().filter(run -> run.name().kind() == kind).toList();
    }

    private static Map<Pair, List<RawRun>> byPair(List<RawRun> runs) {
        return runs.stream().collect(Collectors.groupingBy(run -> run.pair(), TreeMap::new, Collectors.toList()));
    }

    private static List<Integer> levels(List<RawRun> runs) {
        return runs.stream()
                .map(run -> run.name().parallelRequests())
                .sorted()
                .distinct()
                .toList();
    }

    private static boolean hasDuplicateLevels(List<RawRun> runs) {
        return levels(runs).size() != runs.size();
    }

    private static List<RawRun> firstOfEachLevel(List<RawRun> runs) {
        Map<Integer, RawRun> first = new TreeMap<>();
        runs.forEach(run -> first.putIfAbsent(run.name().parallelRequests(), run));
        return List.copyOf(first.values());
    }
}
