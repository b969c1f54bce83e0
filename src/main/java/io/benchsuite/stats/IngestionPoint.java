package io.benchsuite.stats;

/** One prompt-ingestion measurement: the prompt's token count and the seconds to its first token. */
public record IngestionPoint(double promptLength, double timeToFirstToken) {}
