package io.benchsuite.shard;

import io.benchsuite.config.BenchSettings;
import io.benchsuite.config.UsageException;
import io.benchsuite.suite.BenchmarkExecution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * Shard 0's side of a sharded run, from start to end: checks the shared folder is free, publishes the run's
 * seed and shard count, beats its heartbeat, gives the suite its {@link ShardCoordinator}, and at the end
 * tells the other shards it is done and merges the shared folder into the run folder (so that a result
 * that came late is in the report too).
 */
public final class ShardCoordination implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ShardCoordination.class);

    private final BenchSettings settings;
    private final ShardFolder folder;
    private final Heartbeat heartbeat;

    private ShardCoordination(BenchSettings settings, ShardFolder folder, Heartbeat heartbeat) {
        this.settings = settings;
        this.folder = folder;
        this.heartbeat = heartbeat;
    }

    /**
     * @throws UsageException when the shared folder already holds a run (its files would mix with this one's)
     */
    public static ShardCoordination start(BenchSettings settings) throws IOException {
        ShardFolder folder = new ShardFolder(Path.of(settings.shardFolder().orElseThrow()));
        if (folder.holdsARun()) {
            throw new UsageException("shard-folder " + folder.root() + " already holds a run (" + folder.runFile()
                    + "); give each run an empty folder, e.g. one named after the Job");
        }
        Files.createDirectories(folder.root());
        Heartbeat heartbeat = Heartbeat.start(folder, 0);
        folder.write(folder.runFile(), new ShardFolder.RunInfo(settings.seed(), settings.shardCount()));
        LOG.infof(
                "Shard 0 of %d: coordinating through %s (seed %d)",
                settings.shardCount(), folder.root(), settings.seed());
        return new ShardCoordination(settings, folder, heartbeat);
    }

    public BenchmarkExecution.Factory execution() {
        return context ->
                new ShardCoordinator(folder, settings.shardCount(), settings.seed(), settings.shardTimeout(), context);
    }

    /** Tells the other shards there is nothing more, then merges every benchmark into the run folder. */
    public ShardFolderMerge.Outcome finish(Path runFolder) throws IOException {
        folder.writeText(folder.doneFile(), "done");
        ShardFolderMerge.Outcome outcome = ShardFolderMerge.merge(folder, runFolder);
        outcome.missing().forEach((file, shards) -> LOG.warnf("%s: missing shard(s) %s", file, shards));
        return outcome;
    }

    /** Writes {@code done} when the run ended early, so the other shards stop instead of waiting. */
    @Override
    public void close() throws IOException {
        heartbeat.close();
        if (!Files.exists(folder.doneFile())) {
            folder.writeText(folder.doneFile(), "done");
        }
    }
}
