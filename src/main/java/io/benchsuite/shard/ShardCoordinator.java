package io.benchsuite.shard;

import io.benchsuite.record.TimeAnchor;
import io.benchsuite.results.BenchmarkKind;
import io.benchsuite.results.RawResult;
import io.benchsuite.suite.BenchmarkExecution;
import io.benchsuite.suite.BenchmarkRunner;
import io.benchsuite.suite.BenchmarkSpec;
import io.benchsuite.suite.PlannedBenchmark;
import io.benchsuite.suite.RunContext;
import io.benchsuite.suite.SuiteRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Shard 0's way of running a benchmark: the suite decides what runs, as in a run alone, and this spreads
 * each generation-speed benchmark over the shards. It publishes the benchmark in the shared folder, warms up,
 * waits at the barrier for the shards taking part (those not ready within shard-timeout are named and left
 * out), sets a common start a moment after the last one is ready, runs its own share, waits for the others'
 * results (a shard whose heartbeat stops is named missing) and returns the exact merge ({@link ShardMerge}).
 * Prompt ingestion and KV-cache profiles run here alone; they are copied to the shared folder too, so that
 * {@code bench-suite merge} can rebuild the whole run from it.
 */
public final class ShardCoordinator implements BenchmarkExecution {

    private static final Logger LOG = Logger.getLogger(ShardCoordinator.class);
    /** Between the last shard ready and the start: time for every shard to see the start file on a shared volume. */
    static final double START_MARGIN_SECONDS = 1.0;

    static final long POLL_MILLIS = 20;

    private final ShardFolder folder;
    private final int shardCount;
    private final long runSeed;
    private final double timeoutSeconds;
    private final TimeAnchor anchor;
    private int sequence;

    /**
     * @param runSeed        the run's seed, published for the other shards
     * @param timeoutSeconds shard-timeout: the longest wait for a shard at the barrier or for its signs of life
     * @param context        the run's context on shard 0 (its clock anchor)
     */
    public ShardCoordinator(
            ShardFolder folder, int shardCount, long runSeed, double timeoutSeconds, RunContext context) {
        this.folder = folder;
        this.shardCount = shardCount;
        this.runSeed = runSeed;
        this.timeoutSeconds = timeoutSeconds;
        this.anchor = context.anchor();
    }

    @Override
    public RawResult run(BenchmarkRunner runner, PlannedBenchmark planned, List<String> prompts)
            throws InterruptedException {
        int seq = ++sequence;
        long promptSeed = SuiteRunner.promptSeed(runSeed, planned.fileName());
        BenchmarkSpec spec = planned.spec();
        try {
            if (planned.phase() != BenchmarkKind.GENERATION_SPEED) {
                folder.write(
                        folder.benchmarkFile(seq),
                        ShardBenchmark.of(
                                seq, planned.fileName(), planned.phase(), spec, promptSeed, List.of(0), shardCount));
                double started = anchor.toEpochSeconds(System.nanoTime());
                RawResult alone = runner.run(spec, prompts);
                folder.write(folder.resultFile(seq, 0), new ShardResult(0, anchor.epochSeconds(), started, alone));
                return alone;
            }
            List<Integer> shards =
                    Arrays.stream(ShardShare.shards(spec, shardCount)).boxed().toList();
            ShardBenchmark published =
                    ShardBenchmark.of(seq, planned.fileName(), planned.phase(), spec, promptSeed, shards, shardCount);
            folder.write(folder.benchmarkFile(seq), published);
            Map<String, String> missing = new LinkedHashMap<>();
            List<Integer> taking = new ArrayList<>();
            double[] started = {Double.NaN};
            runner.startAfter(() -> {
                ShardStart start = barrier(seq, shards, missing);
                taking.addAll(start.shards());
                sleepUntil(start.startEpochSeconds());
                started[0] = anchor.toEpochSeconds(System.nanoTime());
            });
            RawResult own = runner.run(ShardShare.of(spec, shardCount, 0), prompts);
            if (Double.isNaN(started[0])) {
                // Stopped before the barrier: nothing was sent, by this shard or (no start file) by the others.
                started[0] = anchor.toEpochSeconds(System.nanoTime());
            }
            ShardResult mine = new ShardResult(0, anchor.epochSeconds(), started[0], own);
            folder.write(folder.resultFile(seq, 0), mine);
            List<ShardResult> results = new ArrayList<>(List.of(mine));
            results.addAll(awaitOthers(seq, taking, missing, own.complete()));
            if (!missing.isEmpty()) {
                LOG.warnf("%s: merged without shard(s) %s", planned.fileName(), missing);
            }
            return ShardMerge.merge(published, results, missing);
        } catch (IOException e) {
            throw new UncheckedIOException("the shared folder " + folder.root() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Announces shard 0 ready, waits for the others' ready files, and writes the start: a moment after the last
     * one arrived, or after the timeout without those that did not.
     */
    private ShardStart barrier(int seq, List<Integer> shards, Map<String, String> missing) throws InterruptedException {
        try {
            folder.writeText(folder.readyFile(seq, 0), "ready");
            long deadline = System.nanoTime() + (long) (timeoutSeconds * 1e9);
            List<Integer> waiting = new ArrayList<>(shards.subList(1, shards.size()));
            while (!waiting.isEmpty() && System.nanoTime() < deadline) {
                waiting.removeIf(i -> java.nio.file.Files.exists(folder.readyFile(seq, i)));
                if (!waiting.isEmpty()) {
                    Thread.sleep(POLL_MILLIS);
                }
            }
            for (int late : waiting) {
                missing.put(
                        Integer.toString(late),
                        "not ready within shard-timeout (" + timeoutSeconds + " s): it did not take part");
            }
            List<Integer> taking = new ArrayList<>(shards);
            taking.removeAll(waiting);
            double start = Instant.now().toEpochMilli() / 1000.0 + START_MARGIN_SECONDS;
            ShardStart written = new ShardStart(start, taking, new LinkedHashMap<>(missing));
            folder.write(folder.startFile(seq), written);
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits for the result of every other shard taking part while its heartbeat goes on; one that stops
     * beating for shard-timeout is named missing. When shard 0 itself was interrupted, waits a few seconds only.
     */
    private List<ShardResult> awaitOthers(int seq, List<Integer> taking, Map<String, String> missing, boolean complete)
            throws InterruptedException, IOException {
        List<ShardResult> found = new ArrayList<>();
        List<Integer> waiting = new ArrayList<>(taking);
        waiting.remove(Integer.valueOf(0));
        Heartbeat.Watch watch = new Heartbeat.Watch(folder, complete ? timeoutSeconds : Math.min(5, timeoutSeconds));
        long hardStop = complete ? Long.MAX_VALUE : System.nanoTime() + 5_000_000_000L;
        while (!waiting.isEmpty()) {
            for (var it = waiting.iterator(); it.hasNext(); ) {
                int shard = it.next();
                Optional<ShardResult> result = folder.readResult(seq, shard);
                if (result.isPresent()) {
                    found.add(result.get());
                    it.remove();
                } else if (!watch.alive(shard) || System.nanoTime() > hardStop) {
                    missing.put(
                            Integer.toString(shard),
                            "stopped while running (no result and no sign of life for " + timeoutSeconds
                                    + " s): its requests are not in the merge");
                    it.remove();
                }
            }
            if (!waiting.isEmpty()) {
                Thread.sleep(POLL_MILLIS * 5);
            }
        }
        return found;
    }

    static void sleepUntil(double epochSeconds) throws InterruptedException {
        long millis = (long) (epochSeconds * 1000) - Instant.now().toEpochMilli();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
