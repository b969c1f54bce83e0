package io.benchsuite.cli;

import picocli.CommandLine.Option;

/** Options shared by the commands that send load (the suite and {@code run}); a picocli mixin. */
final class MeasurementOptions {

    @Option(
            names = "--exact-input-lengths",
            description =
                    "Trim or extend each prompt to exactly its nominal token "
                            + "length, counted by the server's tokenize endpoint (tokenize-endpoint). Without it lengths are approximate. Env: BENCH_EXACT_INPUT_LENGTHS or EXACT_INPUT_LENGTHS.")
    boolean exactInputLengths;

    @Option(
            names = "--metrics-port",
            paramLabel = "<port>",
            description =
                    "Serve this tool's own progress and client measurements for "
                            + "Prometheus on http://0.0.0.0:PORT/q/metrics while it runs. Default: off. Env: BENCH_METRICS_PORT.")
    Integer metricsPort;
}
