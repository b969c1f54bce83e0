package io.benchsuite.cli;

import io.benchsuite.config.EnvironmentNames;
import io.benchsuite.config.UsageException;
import io.benchsuite.simulator.ConfiguredFaultPolicy;
import io.benchsuite.simulator.FaultConfig;
import io.benchsuite.simulator.KvMetricFlavour;
import io.benchsuite.simulator.RunningSimulator;
import io.benchsuite.simulator.ServerFlavour;
import io.benchsuite.simulator.ServerTls;
import io.benchsuite.simulator.Simulator;
import io.benchsuite.simulator.SimulatorConfig;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench-suite simulate}: serves a simulated vLLM behind happy_vllm until interrupted. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Serves a simulated vLLM / happy_vllm API (completions, chat, models, info, "
                + "launch_arguments, metrics, tokenize, health) so the benchmark can run without a GPU. "
                + "Stops on Ctrl-C or SIGTERM.")
public class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** The application's Vert.x: one per process, already instrumented and closed by Quarkus. */
    @Inject
    Vertx vertx;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--port",
            defaultValue = "5000",
            description = "Port to listen on, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--preset",
            defaultValue = "a100-7b",
            completionCandidates = Presets.class,
            description = "Engine model: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(
            names = "--model",
            description = "Served model name, the only one accepted in requests (default: sim-model).")
    String model;

    @Option(names = "--seed", description = "Seed of the generated text and EOS points (default: 42).")
    Long seed;

    @Option(
            names = "--kv-metric",
            converter = KvMetricConverter.class,
            description = "KV-cache gauge in /metrics: kv (vllm:kv_cache_usage_perc), "
                    + "gpu (vllm:gpu_cache_usage_perc) or both (default: both).")
    KvMetricFlavour kvMetric;

    @Option(
            names = "--flavour",
            paramLabel = "SERVER",
            description = "Which real server to imitate (routes, metric names, stream shapes): "
                    + "vllm (with happy_vllm's routes), llamacpp, sglang, tgi, trtllm or ray-vllm (default: vllm).")
    String flavour;

    @Option(
            names = "--reasoning-tokens",
            paramLabel = "N",
            description =
                    "Imitate a reasoning model: the first N tokens of each chat answer are streamed as "
                            + "delta.reasoning_content and counted in usage.completion_tokens_details.reasoning_tokens (default: 0).")
    Integer reasoningTokens;

    @Option(
            names = "--data-parallel",
            description = "Number of independent engines, each with an engine label (default: 1).")
    Integer dataParallel;

    @Option(
            names = "--with-launch-arguments",
            description = "Answer /v1/launch_arguments with the engine arguments instead of {}.")
    boolean withLaunchArguments;

    @Option(names = "--max-num-seqs", description = "Most requests decoded together.")
    Integer maxNumSeqs;

    @Option(names = "--kv-blocks", description = "KV-cache size in blocks.")
    Integer kvBlocks;

    @Option(names = "--block-size", description = "Tokens per KV block.")
    Integer blockSize;

    @Option(names = "--prefill-tokens-per-second", description = "Prompt processing speed.")
    Double prefillTokensPerSecond;

    @Option(names = "--max-model-len", description = "Context length (prompt + max_tokens).")
    Integer maxModelLen;

    @Option(names = "--step-base-ms", description = "Decode step duration at batch size 0.")
    Double stepBaseMs;

    @Option(names = "--step-per-seq-ms", description = "Added to a decode step per running sequence.")
    Double stepPerSeqMs;

    @Option(names = "--first-token-ms", description = "exact preset: delay from arrival to the first token.")
    Double firstTokenMs;

    @Option(names = "--inter-token-ms", description = "exact preset: delay between tokens.")
    Double interTokenMs;

    @Option(
            names = "--fault",
            paramLabel = "KIND[:N][@FRACTION]",
            description = "Inject a fault into a seeded fraction of requests (default 1 = all); repeatable, the "
                    + "fractions may add up to 1. Kinds: status:CODE, drop:K, stall:K, malformed:K, error-event:K, "
                    + "error-object:K, no-done[:K] (K = tokens sent first), metrics-slow:MS, metrics-404, "
                    + "metrics-garbage. See docs/faults.md.")
    List<String> faults = new ArrayList<>();

    @Option(
            names = "--fault-restart",
            paramLabel = "UP:DOWN",
            description = "Simulated restarts: listen for UP seconds, then refuse connections for DOWN seconds, "
                    + "then listen again on the same port, and so on.")
    String faultRestart;

    @Option(
            names = "--allow-fault-header",
            description = "Obey an X-Sim-Fault: KIND[:N] header on each request (for tests); off by default so "
                    + "that no client can break a shared simulator by accident.")
    boolean allowFaultHeader;

    @Option(
            names = "--tls-cert",
            paramLabel = "FILE",
            description = "Serve HTTPS with this PEM certificate (chain); needs --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM private key of --tls-cert.")
    Path tlsKey;

    @Option(
            names = "--api-key",
            paramLabel = "KEY",
            description = "Require 'Authorization: Bearer KEY' on the API routes (completions, chat, models, "
                    + "tokenize, info, launch_arguments; 401 with an OpenAI-style error otherwise); /metrics, "
                    + "/health, /liveness, /readiness and /version stay open. Default: the environment variable "
                    + EnvironmentNames.SIMULATOR_API_KEY + " (prefer it to the command line), else no key.")
    String apiKey;

    /** Where the key's variable is read; the process environment outside tests. */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() throws InterruptedException {
        SimulatorConfig config = config();
        FaultConfig faultConfig = faultConfig(config.seed());
        Optional<ServerTls> tls = tls();
        RunningSimulator simulator;
        try {
            simulator = Simulator.start(vertx, config, host, port, new ConfiguredFaultPolicy(faultConfig), tls);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof BindException) {
                throw new UsageException(
                        "cannot listen on " + host + ":" + port + " ("
                                + e.getCause().getMessage() + "); choose another --port or --host",
                        e);
            }
            if (tls.isPresent()) {
                // Past the file checks, a failure to listen with TLS on a free port means the PEM files are wrong.
                throw new UsageException(
                        "cannot serve HTTPS with --tls-cert " + tlsCert + " and --tls-key " + tlsKey + " ("
                                + e.getMessage() + "); give a PEM certificate and its PEM private key",
                        e);
            }
            throw e;
        }
        try {
            spec.commandLine()
                    .getErr()
                    .println("bench-suite simulate: preset " + preset + ", model '" + config.modelName()
                            + "', listening on " + simulator.baseUrl()
                            + (config.apiKey().isPresent() ? ", API key required" : "") + " (Ctrl-C to stop)");
            if (!faultConfig.injectsNothing()) {
                spec.commandLine().getErr().println("bench-suite simulate: injecting faults " + describe(faultConfig));
            }
            spec.commandLine().getErr().flush();
            String signal = StopSignals.await();
            spec.commandLine().getErr().println("bench-suite simulate: SIG" + signal + " received, stopping");
        } finally {
            simulator.close();
        }
        return 0;
    }

    SimulatorConfig config() {
        SimulatorConfig config;
        try {
            config = SimulatorConfig.preset(preset);
            config = model != null ? config.withModelName(model) : config;
            config = seed != null ? config.withSeed(seed) : config;
            config = kvMetric != null ? config.withKvMetric(kvMetric) : config;
            config = flavour != null ? config.withFlavour(ServerFlavour.parse(flavour)) : config;
            config = dataParallel != null ? config.withDataParallel(dataParallel) : config;
            config = reasoningTokens != null ? config.withReasoningTokens(reasoningTokens) : config;
            config = withLaunchArguments ? config.withLaunchArguments(true) : config;
            config = maxNumSeqs != null ? config.withMaxNumSeqs(maxNumSeqs) : config;
            config = kvBlocks != null ? config.withKvBlocks(kvBlocks) : config;
            config = blockSize != null ? config.withBlockSize(blockSize) : config;
            config =
                    prefillTokensPerSecond != null ? config.withPrefillTokensPerSecond(prefillTokensPerSecond) : config;
            config = maxModelLen != null ? config.withMaxModelLen(maxModelLen) : config;
            config = stepBaseMs != null ? config.withStepBaseMs(stepBaseMs) : config;
            config = stepPerSeqMs != null ? config.withStepPerSeqMs(stepPerSeqMs) : config;
            config = firstTokenMs != null ? config.withFirstTokenMs(firstTokenMs) : config;
            config = interTokenMs != null ? config.withInterTokenMs(interTokenMs) : config;
            Optional<String> key = apiKey().filter(k -> !k.isBlank());
            config = key.isPresent() ? config.withApiKey(key.get().strip()) : config;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        if (port < 0 || port > 65_535) {
            throw new UsageException("--port must be between 0 and 65535, got " + port);
        }
        return config;
    }

    /** --api-key, else the environment variable; an empty value is no key, as the client reads its own. */
    private Optional<String> apiKey() {
        return Optional.ofNullable(apiKey)
                .or(() -> Optional.ofNullable(environment.get(EnvironmentNames.SIMULATOR_API_KEY)));
    }

    /** HTTPS when both PEM files are given and readable; one without the other is a usage error. */
    Optional<ServerTls> tls() {
        if (tlsCert == null && tlsKey == null) {
            return Optional.empty();
        }
        if (tlsCert == null || tlsKey == null) {
            throw new UsageException("--tls-cert and --tls-key go together; give both PEM files to serve HTTPS, "
                    + "or neither for HTTP");
        }
        for (Path file : List.of(tlsCert, tlsKey)) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new UsageException(
                        "cannot read '" + file + "'; give --tls-cert and --tls-key as readable PEM files");
            }
        }
        return Optional.of(new ServerTls(tlsCert, tlsKey));
    }

    /** The fault flags, validated: a bad value is a usage error naming the flag. */
    FaultConfig faultConfig(long seed) {
        try {
            return FaultConfig.parse(faults, faultRestart, allowFaultHeader, seed);
        } catch (IllegalArgumentException e) {
            throw new UsageException(
                    e.getMessage().startsWith("--") ? e.getMessage() : "--fault: " + e.getMessage(), e);
        }
    }

    private static String describe(FaultConfig faults) {
        List<String> parts = new ArrayList<>();
        faults.requestRules().forEach(r -> parts.add(r.toString()));
        faults.metricsRules().forEach(r -> parts.add(r.toString()));
        faults.restart()
                .ifPresent(r -> parts.add("restart every " + r.up().toMillis() + " ms for "
                        + r.down().toMillis() + " ms"));
        if (faults.allowHeader()) {
            parts.add("X-Sim-Fault header obeyed");
        }
        return String.join(", ", parts);
    }

    /** Lower-case flag values (kv, gpu, both) to the enum. */
    static final class KvMetricConverter implements picocli.CommandLine.ITypeConverter<KvMetricFlavour> {
        @Override
        public KvMetricFlavour convert(String value) {
            for (KvMetricFlavour flavour : KvMetricFlavour.values()) {
                if (flavour.name().equalsIgnoreCase(value)) {
                    return flavour;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("expected kv, gpu or both, got '" + value + "'");
        }
    }

    /** The preset names, for the help text and shell completion. */
    static final class Presets implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return SimulatorConfig.PRESETS.iterator();
        }
    }
}
