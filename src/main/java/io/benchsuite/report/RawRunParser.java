package io.benchsuite.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.benchsuite.report.model.Quartiles;
import io.benchsuite.results.RawFileName;
import io.benchsuite.results.RawResult;
import io.benchsuite.results.RawResultReader;
import io.benchsuite.stats.AggregatedStatistic;
import io.benchsuite.stats.DistributionSummary;
import io.benchsuite.stats.GeneralMetrics;
import io.benchsuite.stats.IngestionPoint;
import io.benchsuite.stats.QueryStats;
import io.benchsuite.stats.SloSample;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns one raw result's JSON into a {@link RawRun}, through the one tolerant reader of the format
 * ({@link RawResultReader}): files written by the original tool read too, the keys they lack taking their
 * neutral value.
 */
final class RawRunParser {

    private RawRunParser() {}

    /** @throws IllegalArgumentException naming the first missing or ill-typed key */
    static RawRun parse(String fileName, RawFileName name, JsonNode root) {
        return of(fileName, name, RawResultReader.read(root));
    }

    /** What the report needs of a raw result already read. */
    static RawRun of(String fileName, RawFileName name, RawResult result) {
        GeneralMetrics general = result.general();
        return new RawRun(
                fileName,
                name,
                result.parameters(),
                general.totalNumberOfQueries(),
                general.nbTimeoutQueries(),
                general.nbErroredQueries(),
                errorsByKind(general),
                general.totalTime(),
                general.actualTotalTime(),
                general.totalNumberOfIngestedTokens(),
                general.totalNumberOfGeneratedTokens(),
                general.maxKvCache(),
                quartiles(result, AggregatedStatistic.SPEED_FROM_BEGINNING),
                quartiles(result, AggregatedStatistic.TIME_TO_FIRST_TOKEN),
                ingestionPoints(result),
                result.kvProfile().orElse(List.of()),
                result.complete(),
                result.clientHealth(),
                quartiles(result, AggregatedStatistic.TIME_TO_FIRST_CONTENT),
                general.nbOutputLengthMismatch(),
                result.cachedPromptRequests(),
                sloSamples(result));
    }

    /** Non-zero counts only, by kind name in name order. */
    private static Map<String, Integer> errorsByKind(GeneralMetrics general) {
        Map<String, Integer> counts = new TreeMap<>();
        general.errorsByKind().forEach((kind, count) -> {
            if (count > 0) {
                counts.put(kind.name(), count);
            }
        });
        return counts;
    }

    private static Optional<Quartiles> quartiles(RawResult result, AggregatedStatistic statistic) {
        return result.aggregated().get(statistic).map(RawRunParser::quartiles);
    }

    private static Quartiles quartiles(DistributionSummary summary) {
        return new Quartiles(summary.percentile25(), summary.median(), summary.percentile75());
    }

    /** Every request, valid (individual_query) or not (errored_queries); empty without individual_query. */
    private static Optional<List<SloSample>> sloSamples(RawResult result) {
        return result.individual()
                .map(valid -> java.util.stream.Stream.concat(valid.stream(), result.errored().stream())
                        .map(SloSample::of)
                        .toList());
    }

    /** (prompt length, TTFT) of each {@code individual_query}. */
    private static List<IngestionPoint> ingestionPoints(RawResult result) {
        return result.individual().orElse(List.of()).stream()
                .map((QueryStats q) -> new IngestionPoint(q.promptLength(), q.timeToFirstToken()))
                .toList();
    }
}
