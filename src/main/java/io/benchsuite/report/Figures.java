package io.benchsuite.report;

import io.benchsuite.report.model.KeyNumbers;
import io.benchsuite.report.model.PairReport;
import io.benchsuite.report.model.ReportModel;
import io.benchsuite.stats.LevelThreshold;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The report's numbers as text, shared by the model card and the HTML page so they always agree. */
final class Figures {

    static final String NA = "NA";

    private Figures() {}

    static String ingestionSpeed(KeyNumbers numbers) {
        return numbers.ingestionSpeed().isPresent()
                ? "~" + numbers.ingestionSpeed().getAsLong() + " t/s"
                : NA;
    }

    static String referenceSpeed(KeyNumbers numbers) {
        return numbers.referenceSpeed().isPresent()
                ? "~" + Math.round(numbers.referenceSpeed().getAsDouble()) + " t/s for each request"
                : NA;
    }

    static String kvCapacity(KeyNumbers numbers) {
        if (numbers.kvCapacityTokens().isEmpty()) {
            return NA;
        }
        long tokens = numbers.kvCapacityTokens().getAsLong();
        return numbers.kvCapacityExact()
                ? String.format(java.util.Locale.ROOT, "%,d tokens (from the server's configuration)", tokens)
                : "~" + tokens / 1000 + "k tokens (estimate)";
    }

    static String referenceSpeedLabel() {
        return "Median speed per request, input " + KeyNumbers.REFERENCE_PAIR.inputLength() + " / output "
                + KeyNumbers.REFERENCE_PAIR.outputLength() + " tokens, " + KeyNumbers.REFERENCE_LEVEL
                + " parallel requests";
    }

    /** The main-metrics rows: label, value. */
    static List<List<String>> mainMetrics(KeyNumbers numbers) {
        return List.of(
                List.of("Prompt ingestion speed", ingestionSpeed(numbers)),
                List.of(referenceSpeedLabel(), referenceSpeed(numbers)),
                List.of("KV cache capacity", kvCapacity(numbers)));
    }

    static List<String> thresholdHeader(ReportModel model) {
        List<String> header = new ArrayList<>(List.of(
                "Input length",
                "Output length",
                "Levels run",
                "Speed >= " + number(model.speedThreshold()) + " t/s: largest N",
                "Speed: last N before first failure"));
        if (model.hasKvMetrics()) {
            header.add("KV cache < " + number(model.kvCacheThreshold()) + ": largest N");
            header.add("KV cache: last N before first failure");
        }
        model.slo().ifPresent(slo -> {
            header.add("Objectives " + slo.text() + ": largest N");
            header.add("Goodput at that N (requests/s)");
        });
        return header;
    }

    /**
     * Both readings of each threshold: the original's largest qualifying N and the first crossing. A limit
     * that lies outside the levels run says so instead of showing a level that was never a limit.
     */
    static List<List<String>> thresholdRows(ReportModel model) {
        List<List<String>> rows = new ArrayList<>();
        for (PairReport pair : model.pairs()) {
            List<Integer> levels = ThresholdsCsv.keptLevels(pair);
            List<String> row = new ArrayList<>(List.of(
                    String.valueOf(pair.pair().inputLength()),
                    String.valueOf(pair.pair().outputLength()),
                    pair.levelsRun().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                    largest(pair.speedThreshold(), levels),
                    firstCrossing(pair.speedThreshold(), levels)));
            if (model.hasKvMetrics()) {
                row.add(pair.kvCacheThreshold().map(t -> largest(t, levels)).orElse(NA));
                row.add(pair.kvCacheThreshold()
                        .map(t -> firstCrossing(t, levels))
                        .orElse(NA));
            }
            if (model.slo().isPresent()) {
                row.add(pair.slo().map(slo -> largest(slo.capacity(), levels)).orElse(NA));
                row.add(pair.slo()
                        .flatMap(slo -> slo.goodputRps().isPresent()
                                ? java.util.Optional.of(
                                        ThresholdsCsv.goodput(slo.goodputRps().getAsDouble()))
                                : java.util.Optional.empty())
                        .orElse(NA));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The largest qualifying level, or where the limit lies when no level run bounds it. */
    static String largest(LevelThreshold threshold, List<Integer> levels) {
        return switch (ThresholdStatus.of(threshold, levels)) {
            case MEASURED -> String.valueOf(threshold.largestQualifying());
            case NOT_REACHED -> notReached(levels);
            case BELOW_LOWEST_LEVEL -> belowLowest(levels);
        };
    }

    /** The last level before the first that fails, or where the limit lies when no level run bounds it. */
    static String firstCrossing(LevelThreshold threshold, List<Integer> levels) {
        ThresholdStatus status = ThresholdStatus.of(threshold, levels);
        if (status == ThresholdStatus.NOT_REACHED) {
            return notReached(levels);
        }
        return threshold.lastBeforeFirstFailure() == 0
                ? belowLowest(levels)
                : String.valueOf(threshold.lastBeforeFirstFailure());
    }

    /** Said so that it cannot read as "the threshold was never reached": every level run held it. */
    private static String notReached(List<Integer> levels) {
        return "holds up to "
                + levels.stream().mapToInt(Integer::intValue).max().orElse(0)
                + " (the largest level run; limit not reached)";
    }

    private static String belowLowest(List<Integer> levels) {
        return "0 (below the lowest level, "
                + levels.stream().mapToInt(Integer::intValue).min().orElse(0) + ")";
    }

    static List<String> issueHeader() {
        return List.of(
                "Benchmark file",
                "Errors (timeouts included)",
                "Timeouts",
                "Errors by kind",
                "Output length mismatches",
                "Status",
                "Client self-check");
    }

    static List<List<String>> issueRows(ReportModel model) {
        return model.issues().stream()
                .map(issue -> List.of(
                        issue.fileName(),
                        String.valueOf(issue.errors()),
                        String.valueOf(issue.timeouts()),
                        byKind(issue.errorsByKind()),
                        String.valueOf(issue.lengthMismatches()),
                        (issue.inDoubt() ? "IN DOUBT (more than max-failed-share of its requests failed), " : "")
                                + (issue.complete() ? "complete" : "INCOMPLETE (interrupted)")
                                + (issue.used() ? "" : ", left out (too few valid queries)"),
                        issue.clientHealth()))
                .toList();
    }

    static String byKind(Map<String, Integer> counts) {
        return counts.isEmpty()
                ? "-"
                : counts.entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue())
                        .collect(Collectors.joining(", "));
    }

    /** A parameter value as text: JSON values print as they read. */
    static String parameter(Object value) {
        return value == null ? "null" : value.toString();
    }

    /** A threshold without trailing zeros: 20 rather than 20.0, 0.95 as is. */
    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%s", value);
    }

    static String generationParagraph() {
        return "Each point is one benchmark with a fixed number of requests kept in flight. The speed is the "
                + "median over requests of generated tokens divided by the whole request time (time to first token "
                + "included), with bars from the 25th to the 75th percentile; the time to first token is in "
                + "milliseconds; the dashed line is the highest KV-cache usage seen during the benchmark. The "
                + "thresholds give, per pair, up to how many parallel requests each request still gets the speed "
                + "threshold, and up to how many the KV cache stays below its threshold.";
    }
}
