package io.benchsuite.config;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of a benchmark, as read by SmallRye Config under the prefix {@code bench}.
 *
 * <p>Not annotated with {@code @ConfigMapping}: Quarkus would then bind and validate it at start-up, before
 * picocli has parsed the command line, and a bad environment value would end in a stack trace instead of a
 * one-line usage error. {@link SettingsLoader} binds it explicitly with the command line as the top source.
 *
 * <p>Property names are the kebab-case method names ({@code bench.base-url}); the environment forms are
 * {@code BENCH_BASE_URL} and, for compatibility with the original tool, {@code BASE_URL}.
 */
@ConfigMapping(prefix = BenchSettings.PREFIX)
@RegisterForReflection
public interface BenchSettings {

    String PREFIX = "bench";

    @Doc("Model name sent in each request; with happy_vllm/vllm it is read from the server when empty")
    Optional<String> model();

    @Doc("Server root URL, e.g. http://127.0.0.1:5000; when empty it is built from host and port")
    Optional<String> baseUrl();

    @Doc("Server host, used when base-url is empty")
    @WithDefault("localhost")
    String host();

    @Doc("Server port, used when base-url is empty")
    @WithDefault("8000")
    int port();

    @Doc("Display name of the model in the report; falls back to model")
    Optional<String> modelName();

    @Doc("GPU name written in the report (parameters.json, model card title)")
    Optional<String> gpuName();

    @Doc("Folder holding the prompt datasets (growing_prompts.json, prompts_length_N.json)")
    @WithDefault("datasets")
    String datasetFolder();

    @Doc("Folder under which each run writes its results")
    @WithDefault("results")
    String outputFolder();

    @Doc("Seconds between two scrapes of the metrics endpoint (the original tool used 0.01)")
    @WithDefault("0.1")
    double stepLiveMetrics();

    @Doc("Maximum number of requests of one benchmark")
    @WithDefault("1000")
    int maxQueries();

    @Doc("Maximum duration in seconds of one prompt-ingestion benchmark")
    @WithDefault("900")
    double maxDurationPromptIngestion();

    @Doc("Maximum duration in seconds of one KV-cache profile benchmark")
    @WithDefault("900")
    double maxDurationKvCacheProfile();

    @Doc("Maximum duration in seconds of one generation-speed benchmark, and budget of one sweep")
    @WithDefault("900")
    double maxDurationSpeedGeneration();

    @Doc("A generation-speed benchmark may stop once this many seconds passed and the target count is reached")
    @WithDefault("60")
    double minDurationSpeedGeneration();

    @Doc("A generation-speed benchmark may stop once this many requests were sent and the min duration passed")
    @WithDefault("100")
    int targetQueriesNbSpeedGeneration();

    @Doc("A benchmark with fewer valid requests than this is left out of the report")
    @WithDefault("50")
    int minNumberOfValidQueries();

    @Doc("Server kind: happy_vllm, vllm or openai")
    @WithDefault("happy_vllm")
    String backend();

    @Doc("Path of the completions endpoint")
    @WithDefault("/v1/completions")
    String completionsEndpoint();

    @Doc("Path of the Prometheus metrics endpoint")
    @WithDefault("/metrics/")
    String metricsEndpoint();

    @Doc("Path of happy_vllm's info endpoint")
    @WithDefault("/v1/info")
    String infoEndpoint();

    @Doc("Path of happy_vllm's launch-arguments endpoint")
    @WithDefault("/v1/launch_arguments")
    String launchArgumentsEndpoint();

    @Doc("Path of the tokenize endpoint that counts prompt tokens for --exact-input-lengths (vLLM and llama.cpp: /tokenize)")
    @WithDefault("/tokenize")
    String tokenizeEndpoint();

    @Doc("Per-request generation speed in tokens/s above which a level counts as fast enough")
    @WithDefault("20")
    double speedThreshold();

    @Doc("API key sent as 'Authorization: Bearer'; prefer the environment to the command line; never written out")
    Optional<String> apiKey();

    @Doc("File holding the API key (a mounted Kubernetes Secret); used when api-key is not given")
    Optional<String> apiKeyFile();

    @Doc(value = "PEM file of CA certificates trusted for https base URLs, on top of the JDK's default ones (a private CA)",
            prefixedOnly = true)
    Optional<String> caCert();

    @Doc(value = "Skip TLS certificate and host-name verification (warned at start, recorded in the results); for tests only",
            prefixedOnly = true)
    @WithDefault("false")
    boolean insecure();

    @Doc("Seconds one request may take from send to last byte before it counts as timed out")
    @WithDefault("1800")
    double requestTimeout();

    @Doc("Write each request's generated text in the raw results (generated_text); when false the field is empty and the client keeps no text in memory")
    @WithDefault("false")
    boolean keepGeneratedText();

    @Doc("Prompt lengths of the suite's (input, output) pairs, in tokens (prompts_length_N.json must exist)")
    @WithDefault("32,1024,4096")
    List<Integer> inputLengths();

    @Doc("Output lengths of the suite's (input, output) pairs, in tokens (exact: the server is told so)")
    @WithDefault("16,128,1024")
    List<Integer> outputLengths();

    @Doc("Numbers of parallel requests of the generation-speed sweep, in increasing order")
    @WithDefault("1,2,3,4,6,8,10,14,18,22,26,30,34,38")
    List<Integer> parallelRequests();

    @Doc("KV-cache usage (0-1) at or above which a level counts as KV-full in thresholds.csv")
    @WithDefault("0.95")
    double kvCacheThreshold();

    @Doc("Stop a pair's sweep after two consecutive levels with the KV cache full and speed below the threshold")
    @WithDefault("true")
    boolean stopOnSaturation();

    @Doc("Stop the run once this many requests in a row could not reach the server (connection refused or reset, "
            + "HTTP 502/503/504); 0 never stops. Above the 38 in flight at the default sweep's top level, so one batch "
            + "of dropped connections alone does not stop a suite, while a server that is down does at once")
    @WithDefault("100")
    int maxConsecutiveFailures();

    @Doc("Share (0-1) of a benchmark's requests that may fail (cancelled ones aside) before it is in doubt: above "
            + "it, a warning lists the errors by kind, the report marks the benchmark and run exits with 1")
    @WithDefault("0.1")
    double maxFailedShare();

    @Doc("Seed of every random choice (prompt prefixes, shuffles, arrivals); recorded in the results")
    @WithDefault("20261127")
    long seed();
}
