package io.benchsuite.prometheus;

/** The raw outcome of one GET of the metrics page, before parsing. */
public sealed interface FetchResult {

    /** A 200 answer: its body and the dialect its Content-Type announced. */
    record Fetched(String body, ExpositionFormat format) implements FetchResult {}

    record Failed(ScrapeFailure failure) implements FetchResult {}
}
