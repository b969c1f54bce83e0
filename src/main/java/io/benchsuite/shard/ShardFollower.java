package io.benchsuite.shard;

import io.benchsuite.config.BenchSettings;
import io.benchsuite.config.SettingsValidator;
import io.benchsuite.prometheus.MetricsPoller;
import io.benchsuite.results.RawResult;
import io.benchsuite.schedule.Progress;
import io.benchsuite.suite.BenchmarkRunner;
import io.benchsuite.suite.ConsecutiveFailures;
import io.benchsuite.suite.RunContext;
import io.benchsuite.suite.ServerSession;
import io.benchsuite.workload.DatasetLoader;
import io.benchsuite.workload.PlannedPrompt;
import io.benchsuite.workload.PromptPlanner;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * A shard other than 0: no plan and no decisions of its own. It waits for shard 0 to publish the run's seed,
 * then for each benchmark it takes part in: draws its prompts from (seed, its number), warms up, announces
 * itself ready, starts at the agreed instant, runs its share and writes its raw result to the shared folder;
 * until shard 0 writes {@code done}. It never scrapes the server's metrics (shard 0 does) and writes no
 * report. It gives up when shard 0 stops giving signs of life for shard-timeout.
 */
public final class ShardFollower {

    private static final Logger LOG = Logger.getLogger(ShardFollower.class);
    /** How long a follower waits for shard 0 to publish the run: pods of one Job may start minutes apart. */
    static final double FIRST_CONTACT_SECONDS = 600;

    private final BenchSettings settings;
    private final ShardFolder folder;
    private final int index;
    private final AtomicReference<BenchmarkRunner> current = new AtomicReference<>();
    private volatile boolean stopped;

    private ShardFollower(BenchSettings settings) {
        this.settings = settings;
        this.folder = new ShardFolder(Path.of(settings.shardFolder().orElseThrow()));
        this.index = settings.shardIndex();
    }

    /** Thrown at the barrier when shard 0 started without this shard (it was late) or went away. */
    private static final class LeftOut extends RuntimeException {
        LeftOut(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * @param onStopSignal registers what a SIGINT or SIGTERM does: the benchmark in progress stops and its
     *                     partial result is written
     * @return 0 when shard 0 said done, 1 when this shard was stopped or lost shard 0
     */
    public static int run(BenchSettings settings, Vertx vertx, Consumer<Runnable> onStopSignal)
            throws IOException, InterruptedException {
        return new ShardFollower(settings).loop(vertx, onStopSignal);
    }

    private int loop(Vertx vertx, Consumer<Runnable> onStopSignal) throws IOException, InterruptedException {
        onStopSignal.accept(() -> {
            stopped = true;
            BenchmarkRunner runner = current.get();
            if (runner != null) {
                runner.stop();
            }
        });
        Files.createDirectories(folder.root());
        try (Heartbeat beat = Heartbeat.start(folder, index)) {
            Optional<ShardFolder.RunInfo> run = awaitRun();
            if (run.isEmpty()) {
                return 1;
            }
            long seed = run.get().seed();
            if (run.get().shardCount() != settings.shardCount()) {
                LOG.warnf(
                        "shard 0 runs %d shards, this shard was given shard-count %d: shard 0's count is followed",
                        run.get().shardCount(), settings.shardCount());
            }
            int pool = Math.max(1, Collections.max(settings.parallelRequests()));
            try (ServerSession session = ServerSession.open(
                    settings,
                    vertx,
                    pool,
                    Progress.NONE,
                    0,
                    settings.exactInputLengths(),
                    ServerSession.resolveBackend(settings))) {
                // Only shard 0 scrapes the server: one poller per shard would multiply the load on /metrics.
                session.context().poller().ifPresent(MetricsPoller::close);
                RunContext own = follower(session.context(), seed);
                LOG.infof(
                        "Shard %d of %d follows %s (seed %d)", index, run.get().shardCount(), folder.root(), seed);
                return benchmarks(own, run.get().shardCount());
            }
        }
    }

    private RunContext follower(RunContext c, long seed) {
        return new RunContext(
                c.client(),
                c.backend(),
                c.model(),
                Optional.empty(),
                c.anchor(),
                c.commonParameters(),
                0,
                ShardShare.promptSeed(seed, index), // the arrivals of a request-rate share differ from shard 0's
                Progress.NONE,
                c.exactLengths(),
                c.api());
    }

    private Optional<ShardFolder.RunInfo> awaitRun() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + (long) (Math.max(FIRST_CONTACT_SECONDS, settings.shardTimeout()) * 1e9);
        while (!stopped && System.nanoTime() < deadline) {
            Optional<ShardFolder.RunInfo> info = folder.read(folder.runFile(), ShardFolder.RunInfo.class);
            if (info.isPresent()) {
                return info;
            }
            Thread.sleep(ShardCoordinator.POLL_MILLIS * 5);
        }
        if (!stopped) {
            LOG.errorf("Shard 0 published no run in %s within %.0f s", folder.runFile(), FIRST_CONTACT_SECONDS);
        }
        return Optional.empty();
    }

    private int benchmarks(RunContext context, int shardCount) throws IOException, InterruptedException {
        ConsecutiveFailures failures = new ConsecutiveFailures(settings.maxConsecutiveFailures());
        Heartbeat.Watch watch = new Heartbeat.Watch(folder, settings.shardTimeout());
        int seq = 1;
        while (!stopped) {
            Optional<ShardBenchmark> next = folder.read(folder.benchmarkFile(seq), ShardBenchmark.class);
            if (next.isEmpty()) {
                if (Files.exists(folder.doneFile())) {
                    LOG.infof("Shard %d: shard 0 is done", index);
                    return 0;
                }
                if (!watch.alive(0)) {
                    LOG.errorf(
                            "Shard 0 gave no sign of life for %.0f s: shard %d stops", settings.shardTimeout(), index);
                    return 1;
                }
                Thread.sleep(ShardCoordinator.POLL_MILLIS * 5);
                continue;
            }
            ShardBenchmark b = next.get();
            if (b.shards().contains(index)) {
                runShare(context, failures, b, shardCount);
            }
            seq++;
        }
        return 1;
    }

    private void runShare(RunContext context, ConsecutiveFailures failures, ShardBenchmark b, int shardCount)
            throws IOException, InterruptedException {
        List<String> dataset = DatasetLoader.load(SettingsValidator.datasetFolder(settings), b.promptLength());
        List<String> prompts =
                PromptPlanner.plan(dataset, settings.maxQueries(), ShardShare.promptSeed(b.promptSeed(), index))
                        .prompts()
                        .stream()
                        .map(PlannedPrompt::text)
                        .toList();
        BenchmarkRunner runner = new BenchmarkRunner(context, failures);
        current.set(runner);
        if (stopped) {
            runner.stop();
        }
        double[] started = {Double.NaN};
        runner.startAfter(() -> {
            ShardStart start = awaitStart(b.sequence());
            ShardCoordinator.sleepUntil(start.startEpochSeconds());
            started[0] = context.anchor().toEpochSeconds(System.nanoTime());
        });
        RawResult result;
        try {
            result = runner.run(ShardShare.of(b.spec(), shardCount, index), prompts);
        } catch (LeftOut e) {
            LOG.warnf("Shard %d left out of %s: %s", index, b.fileName(), e.getMessage());
            return;
        } finally {
            current.set(null);
        }
        if (Double.isNaN(started[0])) {
            return; // stopped before the start: nothing was sent
        }
        folder.write(
                folder.resultFile(b.sequence(), index),
                new ShardResult(index, context.anchor().epochSeconds(), started[0], result));
        LOG.infof(
                "Shard %d: %s, %d requests (%d errors)",
                index,
                b.fileName(),
                result.general().totalNumberOfQueries(),
                result.general().nbErroredQueries());
    }

    /** Announces this shard ready and waits for shard 0's start; {@link LeftOut} when it started without it. */
    private ShardStart awaitStart(int seq) throws InterruptedException {
        Heartbeat.Watch watch = new Heartbeat.Watch(folder, settings.shardTimeout());
        try {
            folder.writeText(folder.readyFile(seq, index), "ready");
            while (true) {
                Optional<ShardStart> start = folder.read(folder.startFile(seq), ShardStart.class);
                if (start.isPresent()) {
                    if (!start.get().shards().contains(index)) {
                        throw new LeftOut("shard 0 started without it (ready too late)");
                    }
                    return start.get();
                }
                if (stopped || Files.exists(folder.doneFile()) || !watch.alive(0)) {
                    throw new LeftOut("shard 0 did not start the benchmark");
                }
                Thread.sleep(ShardCoordinator.POLL_MILLIS);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
