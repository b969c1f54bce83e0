package io.benchsuite.prometheus;

import java.util.Map;
import java.util.Optional;

/** How the poller's scrapes went so far. */
public record ScrapeCounts(
        long succeeded, long failed, Map<ScrapeFailure.Kind, Long> failedByKind, Optional<ScrapeFailure> lastFailure) {

    public ScrapeCounts {
        failedByKind = Map.copyOf(failedByKind);
    }

    public long failed(ScrapeFailure.Kind kind) {
        return failedByKind.getOrDefault(kind, 0L);
    }
}
