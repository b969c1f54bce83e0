package io.benchsuite.cli;

import io.benchsuite.config.UsageException;
import io.benchsuite.shard.ShardFolder;
import io.benchsuite.shard.ShardFolderMerge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench-suite merge}: joins the per-request records every shard of a sharded run left in the shared
 * folder into one raw result per benchmark, every statistic computed again from all of them, then draws the
 * usual report as {@code bench-suite report} does. Shard 0 does the same when its run ends; this redoes it,
 * e.g. after a shard's result arrived late or shard 0 itself was killed.
 */
@Command(
        name = "merge",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Merges the shards of a sharded run (shard-count above 1) from their shared folder into "
                + "<output-folder>/raw_results/, exactly (statistics from every request of every shard), and draws "
                + "the report; names the shards missing from each benchmark.")
public class MergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--shard-folder",
            required = true,
            paramLabel = "<folder>",
            description = "The folder the shards shared (shard-folder).")
    Path shardFolder;

    @Option(
            names = "--output-folder",
            required = true,
            paramLabel = "<folder>",
            description = "The run folder to write raw_results/ and report/ into (shard 0's run folder, or a new one).")
    Path outputFolder;

    @Override
    public Integer call() throws Exception {
        ShardFolder folder = new ShardFolder(shardFolder);
        if (!Files.isRegularFile(folder.runFile())) {
            throw new UsageException("--shard-folder " + shardFolder + " holds no sharded run (no "
                    + folder.runFile().getFileName() + "); give the folder set as shard-folder");
        }
        if (Files.exists(outputFolder) && !Files.isDirectory(outputFolder)) {
            throw new UsageException("--output-folder " + outputFolder + " is a file; give a folder");
        }
        Files.createDirectories(outputFolder);
        ShardFolderMerge.Outcome outcome = ShardFolderMerge.merge(folder, outputFolder);
        if (outcome.merged().isEmpty()) {
            throw new UsageException("--shard-folder " + shardFolder + " holds no measured benchmark yet");
        }
        outcome.missing()
                .forEach((file, shards) -> shards.forEach((shard, why) ->
                        spec.commandLine().getErr().println("missing: shard " + shard + " in " + file + ": " + why)));
        spec.commandLine()
                .getErr()
                .println("merged " + outcome.merged().size() + " benchmark(s) into "
                        + outputFolder.resolve("raw_results"));
        ReportCommand report = new ReportCommand();
        report.spec = spec;
        report.outputFolder = outputFolder;
        return report.call();
    }
}
