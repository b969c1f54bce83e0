package io.benchsuite.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command lines the end-to-end tests give the CLI, built in the order the calls are made: a factory for the
 * command's fixed start (what every test of that kind passes), then one method per option or group of options a
 * test sets. Values stay strings where the CLI reads a number of seconds ("0.5", "1"), so that the command line
 * is exactly what the test writes. {@link #build()} gives the arguments for {@code QuarkusMainLauncher.launch}.
 */
final class CliArgs {

    private final List<String> args = new ArrayList<>();

    private CliArgs(String... start) {
        args.addAll(List.of(start));
    }

    /** The arguments given, as they are: for a command line with none of the usual starts. */
    static CliArgs of(String... args) {
        return new CliArgs(args);
    }

    /** {@code run --base-url BASE_URL --dataset-folder datasets}: one benchmark against a server. */
    static CliArgs run(String baseUrl) {
        return new CliArgs("run", "--base-url", baseUrl, "--dataset-folder", "datasets");
    }

    /**
     * {@code --quick --base-url BASE_URL --run-folder RUN --dataset-folder datasets}: a quick suite against a
     * running server, written to {@code runFolder}.
     */
    static CliArgs quickSuite(String baseUrl, Path runFolder) {
        return new CliArgs(
                "--quick", "--base-url", baseUrl, "--run-folder", runFolder.toString(), "--dataset-folder", "datasets");
    }

    /**
     * {@code --simulate --quick --run-folder RUN --dataset-folder datasets}: a quick suite against the simulator the
     * CLI starts itself, written to {@code runFolder}.
     */
    static CliArgs simulatedQuickSuite(Path runFolder) {
        return new CliArgs(
                "--simulate", "--quick", "--run-folder", runFolder.toString(), "--dataset-folder", "datasets");
    }

    /** {@code --prompt-length PROMPT --output-length OUTPUT} (tokens), for {@code run}. */
    CliArgs lengths(int prompt, int output) {
        return with("--prompt-length", Integer.toString(prompt), "--output-length", Integer.toString(output));
    }

    /** {@code --output-length OUTPUT} (tokens) alone, for {@code run}. */
    CliArgs outputLength(int output) {
        return with("--output-length", Integer.toString(output));
    }

    /** {@code --n-workers N}, for {@code run}. */
    CliArgs workers(int n) {
        return with("--n-workers", Integer.toString(n));
    }

    /** {@code --max-duration SECONDS}, for {@code run}. */
    CliArgs maxDuration(String seconds) {
        return with("--max-duration", seconds);
    }

    /** {@code --max-queries N}. */
    CliArgs maxQueries(int n) {
        return with("--max-queries", Integer.toString(n));
    }

    /** {@code --output-file FILE}, for {@code run}. */
    CliArgs outputFile(Path file) {
        return with("--output-file", file.toString());
    }

    /**
     * {@code --input-lengths INPUTS --output-lengths OUTPUTS} (comma-separated token counts), the pairs of a
     * suite.
     */
    CliArgs pairs(String inputLengths, String outputLengths) {
        return with("--input-lengths", inputLengths, "--output-lengths", outputLengths);
    }

    /** {@code --parallel-requests LEVELS} (comma-separated), the levels of a suite's sweep. */
    CliArgs levels(String parallelRequests) {
        return with("--parallel-requests", parallelRequests);
    }

    /**
     * {@code --max-duration-prompt-ingestion INGESTION --max-duration-kv-cache-profile KV} (seconds): a suite's
     * prompt-ingestion runs and KV-cache profiles, which tests that check something else keep short.
     */
    CliArgs ingestionAndKvProfile(String ingestionSeconds, String kvProfileSeconds) {
        return with(
                "--max-duration-prompt-ingestion",
                ingestionSeconds,
                "--max-duration-kv-cache-profile",
                kvProfileSeconds);
    }

    /**
     * {@code --max-duration-speed-generation MAX --min-duration-speed-generation MIN} (seconds): how long each
     * level of a suite's sweep runs.
     */
    CliArgs speedGeneration(String maxSeconds, String minSeconds) {
        return with("--max-duration-speed-generation", maxSeconds, "--min-duration-speed-generation", minSeconds);
    }

    /** {@code --query-metrics}: every request's record in {@code run}'s output file. */
    CliArgs queryMetrics() {
        return with("--query-metrics");
    }

    /** {@code --with-kv-cache-profile}: the server's metrics sampled during {@code run}. */
    CliArgs kvCacheProfile() {
        return with("--with-kv-cache-profile");
    }

    /** The arguments given, as they are, after those already there. */
    CliArgs with(String... more) {
        args.addAll(List.of(more));
        return this;
    }

    /** Whether {@code arg} (an option's name or a value) is among the arguments so far. */
    boolean has(String arg) {
        return args.contains(arg);
    }

    /** The arguments so far, in order, for {@code QuarkusMainLauncher.launch}. */
    String[] build() {
        return args.toArray(String[]::new);
    }
}
