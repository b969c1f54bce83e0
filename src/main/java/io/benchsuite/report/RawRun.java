package io.benchsuite.report;

import io.benchsuite.health.ClientHealth;
import io.benchsuite.report.model.Pair;
import io.benchsuite.report.model.Quartiles;
import io.benchsuite.results.KvProfileSample;
import io.benchsuite.results.RawFileName;
import io.benchsuite.stats.IngestionPoint;
import io.benchsuite.stats.LevelTotals;
import io.benchsuite.stats.SloSample;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the report needs from one raw result file, read from its JSON.
 *
 * @param fileName           the file's name, for notes
 * @param name               what the name says: kind, pair, level
 * @param parameters         the {@code parameters} object, JSON values as Jackson reads them
 * @param totalQueries       {@code total_number_of_queries}
 * @param timeoutQueries     {@code nb_timeout_queries}
 * @param erroredQueries     {@code nb_errored_queries}, timeouts included as in the original
 * @param errorsByKind       errors per kind, non-zero counts only; from {@code errors_by_kind}, or from the
 *                           errored queries' {@code error_kind} for files that lack it
 * @param totalTime          {@code total_time}, seconds
 * @param actualTotalTime    {@code actual_total_time}, seconds
 * @param ingestedTokens     {@code total_number_of_ingested_tokens}
 * @param generatedTokens    {@code total_number_of_generated_tokens}
 * @param maxKvCache         {@code max_kv_cache}, 0-1, negative without server metrics
 * @param speedFromBeginning the quartiles of {@code speed_from_beginning}, tokens/s; empty without valid requests
 * @param timeToFirstToken   the quartiles of {@code time_to_first_token}, seconds as in the file
 * @param ingestionPoints    (prompt length, TTFT) of each {@code individual_query}; empty when not recorded
 * @param kvProfile          the {@code kv_cache_profile} samples; empty when not recorded
 * @param complete           false when the benchmark was interrupted ({@code "complete": false})
 * @param clientHealth       the client's self-check ({@code client_health}); empty in files written before it
 * @param timeToFirstContent the quartiles of {@code time_to_first_content}, seconds; empty in files without it
 * @param outputLengthMismatches {@code nb_output_length_mismatch}, 0 in files without it
 * @param cachedPromptRequests {@code cached_prompt_requests}: requests with more than 10 % of their prompt
 *                           tokens in the server's prompt cache; 0 for files that lack it
 * @param requests           what the service-level objectives read of every request, valid or not (from
 *                           {@code individual_query} and {@code errored_queries}); empty when the file has no
 *                           {@code individual_query} (written without --slo or --query-metrics)
 */
public record RawRun(
        String fileName,
        RawFileName name,
        Map<String, Object> parameters,
        int totalQueries,
        int timeoutQueries,
        int erroredQueries,
        Map<String, Integer> errorsByKind,
        double totalTime,
        double actualTotalTime,
        long ingestedTokens,
        long generatedTokens,
        double maxKvCache,
        Optional<Quartiles> speedFromBeginning,
        Optional<Quartiles> timeToFirstToken,
        List<IngestionPoint> ingestionPoints,
        List<KvProfileSample> kvProfile,
        boolean complete,
        Optional<ClientHealth> clientHealth,
        Optional<Quartiles> timeToFirstContent,
        int outputLengthMismatches,
        int cachedPromptRequests,
        Optional<List<SloSample>> requests) {

    public RawRun {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        errorsByKind = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(errorsByKind));
        ingestionPoints = List.copyOf(ingestionPoints);
        kvProfile = List.copyOf(kvProfile);
        requests = requests == null ? Optional.empty() : requests.map(List::copyOf);
    }

    /** The original's validity count: successes plus timeouts ({@code errored} already counts the timeouts). */
    public int validQueries() {
        return totalQueries - erroredQueries + timeoutQueries;
    }

    /** The (input length, output length) pair the file name records. */
    public Pair pair() {
        return new Pair(name.inputLength(), name.outputLength());
    }

    /**
     * True when more than the run's {@code max_failed_share} (0.1 for files that lack it) of the requests
     * failed, cancelled ones aside.
     */
    public boolean inDoubt() {
        double limit = parameters.get("max_failed_share") instanceof Number n ? n.doubleValue() : 0.1;
        int failed = erroredQueries - errorsByKind.getOrDefault("CANCELLED", 0);
        return totalQueries > 0 && (double) failed / totalQueries > limit;
    }

    public LevelTotals levelTotals() {
        return new LevelTotals(name.parallelRequests(), actualTotalTime, totalTime, generatedTokens);
    }
}
