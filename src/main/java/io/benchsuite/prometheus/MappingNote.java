package io.benchsuite.prometheus;

/**
 * Something the user should know about how gauges were read from a page (a family is missing, the model
 * name matched no series). {@code key} identifies the situation so it can be reported once, not per scrape.
 */
public record MappingNote(String key, String message) {}
