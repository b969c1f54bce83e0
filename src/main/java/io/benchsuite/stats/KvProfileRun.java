package io.benchsuite.stats;

import java.util.List;

/**
 * What the KV-capacity estimate needs from one KV-cache profile run.
 *
 * @param ingestedTokens  {@code total_number_of_ingested_tokens}
 * @param generatedTokens {@code total_number_of_generated_tokens}
 * @param totalQueries    {@code total_number_of_queries}
 * @param samples         the run's live-metrics samples
 */
public record KvProfileRun(long ingestedTokens, long generatedTokens, int totalQueries, List<KvSample> samples) {

    public KvProfileRun {
        samples = List.copyOf(samples);
    }
}
