package io.benchsuite.results;

import io.benchsuite.stats.AggregatedStatistic;
import io.benchsuite.stats.DistributionSummary;
import io.benchsuite.stats.SweepLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;

/** What a suite needs to know of raw files already written: is a benchmark finished, and its sweep level. */
public final class RawResultFiles {

    private RawResultFiles() {}

    /** A benchmark is finished when its file exists, reads as a raw result, and was not marked incomplete. */
    public static boolean isFinished(Path file) {
        return read(file).map(RawResult::complete).orElse(false);
    }

    /** The raw result in {@code file}, empty when there is none or it does not read (then it is run again). */
    public static Optional<RawResult> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(RawResultReader.read(file));
        } catch (IOException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    /** The sweep level a finished speed benchmark measured, for the saturation rule after a resume. */
    public static Optional<SweepLevel> sweepLevel(Path file, int parallelRequests) {
        return read(file)
                .map(result -> new SweepLevel(
                        parallelRequests,
                        result.aggregated()
                                .get(AggregatedStatistic.SPEED_FROM_BEGINNING)
                                .map(DistributionSummary::median)
                                .map(OptionalDouble::of)
                                .orElse(OptionalDouble.empty()),
                        result.general().maxKvCache()));
    }
}
