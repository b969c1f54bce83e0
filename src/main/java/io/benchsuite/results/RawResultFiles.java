package io.benchsuite.results;

import com.fasterxml.jackson.databind.JsonNode;
import io.benchsuite.results.JsonFiles;
import io.benchsuite.stats.SweepLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;

/** What a suite needs to know of raw files already written: is a benchmark finished, and its sweep level. */
public final class RawResultFiles {

    private RawResultFiles() {
    }

    /** A benchmark is finished when its file exists, parses, and was not marked incomplete. */
    public static boolean isFinished(Path file) {
        return read(file).map(json -> json.path("complete").asBoolean(true)).orElse(false);
    }

    public static Optional<JsonNode> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JsonFiles.MAPPER.readTree(file.toFile()));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /** The sweep level a finished speed benchmark measured, for the saturation rule after a resume. */
    public static Optional<SweepLevel> sweepLevel(Path file, int parallelRequests) {
        return read(file).map(json -> {
            JsonNode median = json.path("aggregated_metrics").path("speed_from_beginning").path("median");
            return new SweepLevel(parallelRequests,
                    median.isNumber() ? OptionalDouble.of(median.asDouble()) : OptionalDouble.empty(),
                    json.path("general_metrics").path("max_kv_cache").asDouble(-1));
        });
    }
}
