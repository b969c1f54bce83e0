package io.benchsuite.cli;

import io.benchsuite.config.UsageException;
import io.benchsuite.datasets.DatasetFolder;
import io.benchsuite.datasets.DatasetGenerator;
import io.benchsuite.datasets.LengthStats;
import io.benchsuite.datasets.PromptFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench-suite datasets}: writes the prompt files the benchmarks read, from a seed. */
@Command(
        name = "datasets",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Generates the prompt datasets (English prose of about N tokens per prompt, counted with "
                    + "the simulator's tokenizer) as JSON arrays of strings: prompts_length_N.json per length and "
                    + "growing_prompts.json (prompts stepping by about 10 tokens from 10 to about 4100).",
            "Prints one line per file written: name, prompt count and token lengths."
        })
public class DatasetsCommand implements Callable<Integer> {

    static final int MAX_COUNT = 100_000;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--output",
            required = true,
            paramLabel = "<folder>",
            description =
                    "Folder to write the files into (created if missing; files of the same name are " + "replaced).")
    Path output;

    @Option(
            names = "--seed",
            paramLabel = "<n>",
            defaultValue = "" + DatasetGenerator.DEFAULT_SEED,
            description = "Random seed; the same seed gives the same files. Default: ${DEFAULT-VALUE} (the "
                    + "committed datasets).")
    long seed;

    @Option(
            names = "--lengths",
            split = ",",
            paramLabel = "<tokens>",
            description = "Prompt lengths in tokens, comma-separated, each between " + DatasetGenerator.MIN_LENGTH
                    + " and " + DatasetGenerator.MAX_LENGTH + ". Default: 32,1024,4096.")
    List<Integer> lengths = new ArrayList<>(DatasetGenerator.DEFAULT_LENGTHS);

    @Option(
            names = "--count",
            paramLabel = "<n>",
            description = "Prompts per fixed-length file. Default: 1000, fewer for long prompts (about a "
                    + "million tokens per file: 250 for 4096).")
    Integer count;

    @Option(
            names = "--growing",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description =
                    "Also write growing_prompts.json (" + DatasetGenerator.GROWING_COUNT + " prompts). Default: on.")
    boolean growing;

    @Override
    public Integer call() throws IOException {
        validate();
        DatasetFolder folder = new DatasetFolder(output);
        DatasetGenerator generator = new DatasetGenerator(seed);
        PrintWriter out = spec.commandLine().getOut();
        spec.commandLine().getErr().println("bench-suite datasets: seed " + seed + ", writing to " + output);
        for (int length : lengths) {
            report(
                    out,
                    folder,
                    generator.fixedLength(length, count != null ? count : DatasetGenerator.defaultCount(length)));
        }
        if (growing) {
            report(out, folder, generator.growing());
        }
        return 0;
    }

    private static void report(PrintWriter out, DatasetFolder folder, PromptFile file) throws IOException {
        folder.write(file);
        out.println(file.fileName() + ": " + LengthStats.of(file.prompts()).summary());
        out.flush();
    }

    private void validate() {
        for (int length : lengths) {
            if (length < DatasetGenerator.MIN_LENGTH || length > DatasetGenerator.MAX_LENGTH) {
                throw new UsageException("--lengths: " + length + " is out of range; give prompt lengths between "
                        + DatasetGenerator.MIN_LENGTH + " and " + DatasetGenerator.MAX_LENGTH + " tokens");
            }
        }
        if (new HashSet<>(lengths).size() != lengths.size()) {
            throw new UsageException("--lengths: " + lengths + " names a length twice; list each length once");
        }
        if (count != null && (count < 1 || count > MAX_COUNT)) {
            throw new UsageException("--count: " + count + " is out of range; give a count between 1 and " + MAX_COUNT);
        }
    }
}
