package io.benchsuite.shard;

import io.benchsuite.results.BenchmarkKind;
import io.benchsuite.results.RawResult;
import io.benchsuite.results.RawResultWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bench-suite merge}'s core: every benchmark of a shared folder merged into a run folder's
 * {@code raw_results/}, one raw file per benchmark under its usual name. A shard counts as missing for a
 * benchmark when it was not ready at the barrier, or took part but left no result (killed or stopped while
 * running); what every other shard measured is merged all the same. A result that arrived after shard 0
 * stopped waiting for it is merged here, since it was measured in the benchmark's window.
 */
public final class ShardFolderMerge {

    private ShardFolderMerge() {}

    /**
     * @param missing raw file name to shard number to why it is missing, for the benchmarks that lack one
     * @param merged  raw file names written, in order
     */
    public record Outcome(List<String> merged, Map<String, Map<String, String>> missing) {}

    /**
     * @param runFolder the run's output folder; its {@code raw_results/} is created when absent
     * @throws IOException when the shared folder cannot be read or a file cannot be written
     */
    public static Outcome merge(ShardFolder folder, Path runFolder) throws IOException {
        Path raw = runFolder.resolve("raw_results");
        Files.createDirectories(raw);
        List<String> merged = new ArrayList<>();
        Map<String, Map<String, String>> missingAll = new LinkedHashMap<>();
        for (int seq : folder.sequences()) {
            Optional<ShardBenchmark> published = folder.read(folder.benchmarkFile(seq), ShardBenchmark.class);
            if (published.isEmpty()) {
                continue;
            }
            ShardBenchmark b = published.get();
            Optional<RawResult> result;
            Map<String, String> missing = new LinkedHashMap<>();
            if (b.kind() != BenchmarkKind.GENERATION_SPEED) {
                result = folder.readResult(seq, 0).map(ShardResult::raw);
            } else {
                Optional<ShardStart> start = folder.read(folder.startFile(seq), ShardStart.class);
                List<Integer> taking = start.map(ShardStart::shards).orElse(List.of());
                start.ifPresent(s -> missing.putAll(s.missing()));
                List<ShardResult> results = new ArrayList<>();
                for (int shard : taking) {
                    Optional<ShardResult> r = folder.readResult(seq, shard);
                    if (r.isPresent()) {
                        results.add(r.get());
                    } else {
                        missing.put(
                                Integer.toString(shard),
                                "took part but left no result (killed or stopped while running): its requests are "
                                        + "not in the merge");
                    }
                }
                result = results.isEmpty() ? Optional.empty() : Optional.of(ShardMerge.merge(b, results, missing));
            }
            if (result.isEmpty()) {
                continue; // nothing was measured (stopped before the start)
            }
            RawResultWriter.write(raw.resolve(b.fileName()), result.get());
            merged.add(b.fileName());
            if (!missing.isEmpty()) {
                missingAll.put(b.fileName(), missing);
            }
        }
        return new Outcome(merged, missingAll);
    }
}
