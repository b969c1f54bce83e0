package io.benchsuite.cli;

import io.benchsuite.config.UsageException;
import io.benchsuite.load.LoadBenchmark;
import io.benchsuite.load.LoadPlan;
import io.benchsuite.load.LoadResult;
import io.benchsuite.load.LoadTable;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench-suite load}: can the client hold thousands of streams at once? A command, like {@code fidelity},
 * so that it runs the binary users run and starts the simulator child the same way.
 */
@Command(
        name = "load",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Checks that many parallel streams complete without client errors: starts the "
                + "exact-schedule simulator in a separate process, keeps --streams requests in flight until each "
                + "stream sent --requests-per-stream, and prints requests ok and failed by error kind, wall time, "
                + "client CPU, peak heap, RSS and open file descriptors, and the heap each request record keeps. "
                + "Exit status 1 when any request failed.")
public class LoadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Inject
    Vertx vertx;

    @Option(
            names = "--streams",
            defaultValue = "2000",
            description = "Requests in flight at once (default: ${DEFAULT-VALUE}).")
    int streams;

    @Option(
            names = "--requests-per-stream",
            defaultValue = "3",
            description = "Requests each stream sends one after the other (default: ${DEFAULT-VALUE}).")
    int requestsPerStream;

    @Option(
            names = "--output-tokens",
            defaultValue = "32",
            description = "Tokens per answer (default: ${DEFAULT-VALUE}).")
    int outputTokens;

    @Option(
            names = "--first-token-ms",
            defaultValue = "100",
            description = "Simulator delay from a request to its first token (default: ${DEFAULT-VALUE}).")
    double firstTokenMs;

    @Option(
            names = "--inter-token-ms",
            defaultValue = "100",
            description = "Simulator delay between tokens; "
                    + "streams x 1000 / this is the token rate both processes must sustain (default: ${DEFAULT-VALUE}, "
                    + "20,000 tokens/s at 2000 streams).")
    double interTokenMs;

    @Option(
            names = "--keep-generated-text",
            arity = "0..1",
            defaultValue = "false",
            fallbackValue = "true",
            description = "Keep each answer's text in its record, as the keep-generated-text setting does, to "
                    + "measure what it costs (default: ${DEFAULT-VALUE}).")
    boolean keepGeneratedText;

    @Override
    public Integer call() throws Exception {
        require(streams >= 1, "--streams must be at least 1, got " + streams);
        require(requestsPerStream >= 1, "--requests-per-stream must be at least 1, got " + requestsPerStream);
        require(outputTokens >= 1, "--output-tokens must be at least 1, got " + outputTokens);
        require(firstTokenMs > 0, "--first-token-ms must be above 0, got " + firstTokenMs);
        require(interTokenMs > 0, "--inter-token-ms must be above 0, got " + interTokenMs);
        LoadResult result = LoadBenchmark.run(
                vertx,
                new LoadPlan(streams, requestsPerStream, outputTokens, firstTokenMs, interTokenMs, keepGeneratedText));
        spec.commandLine().getOut().print(LoadTable.render(result));
        spec.commandLine().getOut().flush();
        return result.clean() ? 0 : ErrorReporter.FAILURE;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new UsageException(message);
        }
    }
}
