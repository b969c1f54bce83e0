package io.benchsuite.shard;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchsuite.results.JsonFiles;
import io.benchsuite.results.RawResultReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The folder every shard shares, and the only way shards talk to each other: plain files, each written
 * whole (to a temporary name, then renamed), so that a reader on another machine sees a file complete or
 * not at all.
 *
 * <pre>
 * run.json                      the run's seed and shard count (shard 0, at start)
 * alive-I                       a counter shard I advances every second while it lives
 * benchmarks/NNNN/benchmark.json  the benchmark to run ({@link ShardBenchmark})
 * benchmarks/NNNN/ready-I       shard I has warmed up and waits for the start
 * benchmarks/NNNN/start.json    when to start and who takes part ({@link ShardStart})
 * benchmarks/NNNN/shard-I.json  what shard I measured ({@link ShardResult})
 * done                          shard 0 has no more benchmarks
 * </pre>
 */
public final class ShardFolder {

    private static final ObjectMapper MAPPER =
            JsonFiles.MAPPER.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path root;

    public ShardFolder(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The run's seed and shard count, published by shard 0 before anything else. */
    @io.quarkus.runtime.annotations.RegisterForReflection
    public record RunInfo(
            @com.fasterxml.jackson.annotation.JsonProperty("seed")
            long seed,

            @com.fasterxml.jackson.annotation.JsonProperty("shard_count")
            int shardCount) {}

    public Path runFile() {
        return root.resolve("run.json");
    }

    public Path doneFile() {
        return root.resolve("done");
    }

    public Path aliveFile(int shard) {
        return root.resolve("alive-" + shard);
    }

    public Path benchmarkFolder(int sequence) {
        return root.resolve("benchmarks").resolve(String.format(Locale.ROOT, "%04d", sequence));
    }

    public Path benchmarkFile(int sequence) {
        return benchmarkFolder(sequence).resolve("benchmark.json");
    }

    public Path readyFile(int sequence, int shard) {
        return benchmarkFolder(sequence).resolve("ready-" + shard);
    }

    public Path startFile(int sequence) {
        return benchmarkFolder(sequence).resolve("start.json");
    }

    public Path resultFile(int sequence, int shard) {
        return benchmarkFolder(sequence).resolve("shard-" + shard + ".json");
    }

    public void write(Path file, Object value) throws IOException {
        JsonFiles.writeAtomically(file, value);
    }

    /** A small text file (a marker or a counter), written whole. */
    public void writeText(Path file, String text) throws IOException {
        JsonFiles.writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
    }

    public Optional<String> readText(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** @return the value, or empty when the file is not there yet */
    public <T> Optional<T> read(Path file, Class<T> type) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(MAPPER.readValue(file.toFile(), type));
    }

    public Optional<ShardResult> readResult(int sequence, int shard) throws IOException {
        Path file = resultFile(sequence, shard);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode root = MAPPER.readTree(file.toFile());
        return Optional.of(new ShardResult(
                root.path("shard").asInt(),
                root.path("anchor_epoch_seconds").asDouble(),
                root.path("started_epoch_seconds").asDouble(),
                RawResultReader.read(root.path("raw"))));
    }

    /** The benchmarks published so far, in order. */
    public List<Integer> sequences() throws IOException {
        Path folder = root.resolve("benchmarks");
        List<Integer> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try (Stream<Path> list = Files.list(folder)) {
            list.map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("\\d{4,}"))
                    .map(Integer::parseInt)
                    .sorted()
                    .forEach(found::add);
        }
        return found;
    }

    /** True when the folder already holds a run's files: a new run must start in an empty one. */
    public boolean holdsARun() {
        return Files.exists(runFile()) || Files.exists(doneFile()) || Files.exists(root.resolve("benchmarks"));
    }
}
