package io.benchsuite.config;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of a benchmark, as read by SmallRye Config under the prefix {@code bench}.
 *
 * <p>Annotated with {@code @ConfigMapping} so that Quarkus generates its implementation at build time, which
 * the native image needs (it cannot generate classes at run time). The application never injects the
 * instance Quarkus binds: {@link SettingsLoader} binds its own, with the command line as the top source and
 * the types checked first, so that a bad value ends in a one-line usage error instead of a stack trace.
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

    @Doc(
            value = "Server root URL, e.g. http://127.0.0.1:5000; when empty it is built from host and port",
            perInvocation = true)
    Optional<String> baseUrl();

    @Doc(value = "Server host, used when base-url is empty", perInvocation = true)
    @WithDefault("localhost")
    String host();

    @Doc(value = "Server port, used when base-url is empty", perInvocation = true)
    @WithDefault("8000")
    int port();

    @Doc("Display name of the model in the report; falls back to model")
    Optional<String> modelName();

    @Doc("GPU name written in the report (parameters.json, model card title)")
    Optional<String> gpuName();

    @Doc("Folder holding the prompt datasets (growing_prompts.json, prompts_length_N.json); when not set, the "
            + "datasets built into the tool are used (lengths 32, 1024, 4096 and the growing set)")
    Optional<String> datasetFolder();

    @Doc(value = "Folder under which each run writes its results", perInvocation = true)
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

    @Doc("Server kind: auto (probed before the run: happy_vllm's /v1/info, vLLM's /version, metric names, "
            + "owned_by of /v1/models), happy_vllm, vllm, sglang, tgi, llamacpp, trtllm, openai or mistral")
    @WithDefault("auto")
    String backend();

    @Doc("Request API: completions (a prompt) or chat (messages); default chat for backend mistral, else completions")
    Optional<String> api();

    @Doc("Path of the completions endpoint; default /v1/completions, or /v1/chat/completions with api chat")
    Optional<String> completionsEndpoint();

    @Doc("Path of the Prometheus metrics endpoint; when empty /metrics/ for happy_vllm, /metrics for the others "
            + "(a 404 on /metrics/ tries /metrics once)")
    Optional<String> metricsEndpoint();

    @Doc(
            value = "Full URL of the Prometheus metrics page, for servers that publish it on a port of their own "
                    + "(Triton http://host:8002/metrics, Ray); overrides base-url + metrics-endpoint",
            perInvocation = true)
    Optional<String> metricsUrl();

    @Doc("Path of happy_vllm's info endpoint")
    @WithDefault("/v1/info")
    String infoEndpoint();

    @Doc("Path of happy_vllm's launch-arguments endpoint")
    @WithDefault("/v1/launch_arguments")
    String launchArgumentsEndpoint();

    @Doc(
            "Path of the tokenize endpoint that counts prompt tokens for --exact-input-lengths (vLLM and llama.cpp: /tokenize)")
    @WithDefault("/tokenize")
    String tokenizeEndpoint();

    @Doc("Per-request generation speed in tokens/s above which a level counts as fast enough")
    @WithDefault("20")
    double speedThreshold();

    @Doc(
            value =
                    "API key sent as 'Authorization: Bearer'; prefer the environment to the command line; never written out",
            perInvocation = true)
    Optional<String> apiKey();

    @Doc(
            value = "File holding the API key (a mounted Kubernetes Secret); used when api-key is not given",
            perInvocation = true)
    Optional<String> apiKeyFile();

    @Doc(
            value =
                    "PEM file of CA certificates trusted for https base URLs, on top of the JDK's default ones (a private CA)",
            prefixedOnly = true,
            perInvocation = true)
    Optional<String> caCert();

    @Doc(
            value =
                    "Skip TLS certificate and host-name verification (warned at start, recorded in the results); for tests only",
            prefixedOnly = true,
            perInvocation = true)
    @WithDefault("false")
    boolean insecure();

    @Doc("Seconds one request may take from send to last byte before it counts as timed out")
    @WithDefault("1800")
    double requestTimeout();

    @Doc(
            "Write each request's generated text in the raw results (generated_text); when false the field is empty and the client keeps no text in memory")
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

    @Doc("Sweep: adaptive (bisects up to the largest parallel-requests level where each threshold is crossed; "
            + "a level ends once its median speed is known within 2 percent) or grid (every level, as the original)")
    @WithDefault("adaptive")
    String sweep();

    @Doc("KV-cache usage (0-1) at or above which a level counts as KV-full in thresholds.csv")
    @WithDefault("0.95")
    double kvCacheThreshold();

    @Doc("Stop a pair's sweep after two consecutive levels with the KV cache full and speed below the threshold")
    @WithDefault("true")
    boolean stopOnSaturation();

    @Doc(
            value =
                    "Stop the run once this many requests in a row could not reach the server (connection refused or reset, "
                            + "HTTP 502/503/504); 0 never stops. Above the 38 in flight at the default sweep's top level, so one batch "
                            + "of dropped connections alone does not stop a suite, while a server that is down does at once",
            perInvocation = true)
    @WithDefault("100")
    int maxConsecutiveFailures();

    @Doc("Share (0-1) of a benchmark's requests that may fail (cancelled ones aside) before it is in doubt: above "
            + "it, a warning lists the errors by kind, the report marks the benchmark and run exits with 1")
    @WithDefault("0.1")
    double maxFailedShare();

    @Doc("Seed of every random choice (prompt prefixes, shuffles, arrivals); drawn afresh for each run when not given, "
            + "so that a second run does not hit the server's prompt cache; recorded in the run folder and every raw "
            + "result, and given again it sends exactly the same prompts")
    long seed();

    @Doc(
            value = "Scale durations, counts and grids down so the suite ends in a few minutes; the settings you give "
                    + "still win",
            prefixedOnly = true,
            ownOption = true)
    @WithDefault("false")
    boolean quick();

    @Doc(
            value = "Continue an interrupted suite (--run-folder, else the newest unfinished one under output-folder) "
                    + "with the settings and seed it stored; finished benchmarks are skipped, and a setting given that "
                    + "contradicts a stored one is an error",
            prefixedOnly = true,
            ownOption = true,
            perInvocation = true)
    @WithDefault("false")
    boolean resume();

    @Doc(
            value = "Serve this tool's own progress and client measurements for Prometheus on "
                    + "http://0.0.0.0:PORT/q/metrics while it runs; off when not set",
            prefixedOnly = true,
            ownOption = true,
            perInvocation = true)
    Optional<Integer> metricsPort();

    @Doc(
            value = "Service-level objectives, e.g. " + ServiceLevelObjectives.EXAMPLE + " (ttft, ttfc, itl, e2e, "
                    + "speed; latencies in s or ms); gives slo_capacity and slo_goodput_rps in thresholds.csv",
            prefixedOnly = true)
    Optional<String> slo();

    @Doc(
            value = "Trim or extend each prompt to exactly its nominal token length, counted by the server's tokenize "
                    + "endpoint (tokenize-endpoint); without it lengths are approximate",
            ownOption = true)
    @WithDefault("false")
    boolean exactInputLengths();

    @Doc("Processes (shards) that load the server together, each sending its share of every generation-speed "
            + "level; 1 runs alone")
    @WithDefault("1")
    int shardCount();

    @Doc(
            value = "This process's shard, 0 to shard-count - 1 (0 coordinates and reports); default: the "
                    + "JOB_COMPLETION_INDEX of a Kubernetes Indexed Job, else 0",
            prefixedOnly = true,
            perInvocation = true)
    @WithDefault("0")
    int shardIndex();

    @Doc(
            value = "Folder all shards share (a ReadWriteMany volume); required when shard-count is above 1",
            perInvocation = true)
    Optional<String> shardFolder();

    @Doc("Seconds shard 0 waits for a shard not ready for a benchmark, or silent while running one, before going "
            + "on without it")
    @WithDefault("60")
    double shardTimeout();
}
