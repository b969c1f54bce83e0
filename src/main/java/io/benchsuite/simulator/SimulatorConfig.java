package io.benchsuite.simulator;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything that shapes the simulated server. Three presets cover the common uses; every field can be
 * changed on a copy with the {@code with...} methods, or several at once with {@link #toBuilder()}.
 *
 * <table>
 *   <caption>Presets</caption>
 *   <tr><th>field</th><th>{@code fast}</th><th>{@code a100-7b}</th><th>{@code exact}</th></tr>
 *   <tr><td>max-num-seqs</td><td>4</td><td>256</td><td>unlimited</td></tr>
 *   <tr><td>KV blocks x block size</td><td>128 x 16 (2,048 tokens)</td><td>19,000 x 16 (304,000 tokens)</td><td>unlimited</td></tr>
 *   <tr><td>max-model-len</td><td>1,024</td><td>8,192</td><td>8,192</td></tr>
 *   <tr><td>prefill</td><td>20,000 tokens/s</td><td>10,000 tokens/s</td><td>-</td></tr>
 *   <tr><td>decode step</td><td>2 ms + 0.5 ms/seq</td><td>15 ms + 0.2 ms/seq</td><td>-</td></tr>
 *   <tr><td>first token / then every</td><td>-</td><td>-</td><td>50 ms / 10 ms after arrival</td></tr>
 *   <tr><td>mean output without ignore_eos</td><td>32 tokens</td><td>256 tokens</td><td>256 tokens</td></tr>
 * </table>
 *
 * <p>Why {@code a100-7b} looks like this (a Llama-3-8B / Mistral-7B class model in bf16 on one A100-80GB):
 * <ul>
 *   <li>Prefill is compute bound: about 2 x 8e9 = 16 GFLOP per token; at half of the A100's 312 TFLOP/s
 *       that is close to 10,000 tokens/s.</li>
 *   <li>Decode is memory bound: each step reads the 16 GB of weights at about 2 TB/s (8 ms) plus kernel and
 *       scheduling overhead, so about 15 ms at batch 1; each extra sequence adds its KV reads and sampling,
 *       about 0.2 ms, so a full batch of 256 takes about 66 ms (about 3,900 tokens/s in total), the range
 *       vLLM reaches on this hardware.</li>
 *   <li>KV cache: 80 GB x 0.9 utilisation minus 16 GB of weights and a few GB of activations and CUDA graphs
 *       leaves about 38 GiB; with grouped-query attention a token costs 2 x 32 layers x 8 KV heads x 128 x 2
 *       bytes = 128 KiB, so about 311,000 tokens, i.e. 19,000 blocks of 16.</li>
 * </ul>
 *
 * <p>{@code fast} is for tests: durations of a few milliseconds, and a batch of 4 and a cache of 2,048 tokens
 * so that queueing and a full KV cache show up with about ten requests.
 *
 * <p>{@code demo} is what {@code bench-suite --simulate} runs against: see {@link #demo()}.
 *
 * <p>{@code exact} is for measuring a client's own timing error: no batching, no queue, no KV limit; each
 * request gets its first token exactly {@code firstTokenMs} after it arrived and then one token every
 * {@code interTokenMs}, whatever the load.
 *
 * @param modelName              the served name: the only value accepted in {@code model}
 * @param seed                   seeds generated text, EOS points and response ids
 * @param maxNumSeqs             most requests decoded together (continuous batching)
 * @param kvBlocks               KV-cache size in blocks
 * @param blockSize              tokens per KV block
 * @param prefillTokensPerSecond prompt tokens processed per second when requests are admitted
 * @param maxModelLen            context length: prompt + max_tokens must fit in it
 * @param stepBaseMs             decode step duration at batch size 0 (fixed cost)
 * @param stepPerSeqMs           added to the decode step for each running sequence
 * @param exactSchedule          true: ignore the engine model and follow firstTokenMs / interTokenMs exactly
 * @param firstTokenMs           exact schedule: delay from arrival to the first token
 * @param interTokenMs           exact schedule: delay between tokens
 * @param meanOutputTokens       mean of the seeded EOS point when the request does not set ignore_eos
 * @param kvMetric               which KV-cache gauge name {@code /metrics} exposes
 * @param dataParallel           number of independent engines; requests go round-robin
 * @param withLaunchArguments    true: {@code /v1/launch_arguments} lists the engine arguments, else {@code {}}
 * @param flavour                which real server's routes, metric names and stream shapes it imitates
 * @param reasoningTokens        a reasoning model: the first N generated tokens of each chat answer are streamed
 *                               as {@code delta.reasoning_content} (vLLM's reasoning parser shape) and counted
 *                               in {@code usage.completion_tokens_details.reasoning_tokens}; 0 for none
 * @param apiKey                 when present, the API routes answer 401 to a request without
 *                               {@code Authorization: Bearer <key>} (as vLLM started with {@code --api-key});
 *                               {@code /metrics} and the health routes stay open
 */
public record SimulatorConfig(
        String modelName,
        long seed,
        int maxNumSeqs,
        int kvBlocks,
        int blockSize,
        double prefillTokensPerSecond,
        int maxModelLen,
        double stepBaseMs,
        double stepPerSeqMs,
        boolean exactSchedule,
        double firstTokenMs,
        double interTokenMs,
        int meanOutputTokens,
        KvMetricFlavour kvMetric,
        int dataParallel,
        boolean withLaunchArguments,
        ServerFlavour flavour,
        int reasoningTokens,
        Optional<String> apiKey) {

    public static final List<String> PRESETS = List.of("fast", "a100-7b", "exact", "demo");

    public SimulatorConfig {
        require(modelName != null && !modelName.isBlank(), "model name must not be empty");
        require(maxNumSeqs > 0, "max-num-seqs must be positive");
        require(kvBlocks > 0, "kv-blocks must be positive");
        require(blockSize > 0, "block-size must be positive");
        require(prefillTokensPerSecond > 0, "prefill-tokens-per-second must be positive");
        require(maxModelLen > 0, "max-model-len must be positive");
        require(stepBaseMs >= 0 && stepPerSeqMs >= 0, "step durations must not be negative");
        require(firstTokenMs >= 0 && interTokenMs >= 0, "first-token-ms and inter-token-ms must not be negative");
        require(meanOutputTokens > 0, "mean output tokens must be positive");
        require(kvMetric != null, "kv metric flavour must be set");
        require(dataParallel > 0, "data-parallel must be positive");
        require(flavour != null, "server flavour must be set");
        require(reasoningTokens >= 0, "reasoning-tokens must not be negative");
        require(
                apiKey != null
                        && apiKey.map(k -> !k.isBlank() && k.equals(k.strip())).orElse(true),
                "the API key must not be empty nor start or end with spaces");
        // vLLM refuses to start when one full-length sequence cannot fit in the cache; so do we, otherwise a
        // long request would wait forever.
        require(
                exactSchedule || (long) kvBlocks * blockSize >= maxModelLen,
                "the KV cache (" + kvBlocks + " blocks x " + blockSize + " tokens) cannot hold one sequence of "
                        + "max-model-len " + maxModelLen + " tokens");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    public static SimulatorConfig fast() {
        return new SimulatorConfig(
                "sim-model",
                42,
                4,
                128,
                16,
                20_000,
                1024,
                2,
                0.5,
                false,
                50,
                10,
                32,
                KvMetricFlavour.BOTH,
                1,
                false,
                ServerFlavour.VLLM,
                0,
                Optional.empty());
    }

    /**
     * For {@code bench-suite --simulate --quick}: fast enough that the whole quick suite ends in about two
     * minutes, with a cache small enough to fill in it: 280 blocks of 16 tokens. A (1024 in, 128 out)
     * request is admitted with 65 blocks and grows to 72, so 4 in parallel are admitted (260 blocks) and then
     * run out of blocks as they generate: the cache reaches 100%, the newest is preempted, a fifth waits.
     * Short prompts (32 in) never use more than a fifth of it even at 16 in parallel. Prefill at 50,000
     * tokens/s gives the ingestion graph a clear slope (about 80 ms for 4,000 tokens); the context (4,480)
     * holds the longest growing prompt.
     */
    public static SimulatorConfig demo() {
        return new SimulatorConfig(
                "sim-model",
                42,
                32,
                280,
                16,
                50_000,
                4480,
                3,
                0.25,
                false,
                50,
                10,
                64,
                KvMetricFlavour.BOTH,
                1,
                false,
                ServerFlavour.VLLM,
                0,
                Optional.empty());
    }

    public static SimulatorConfig a100Model7b() {
        return new SimulatorConfig(
                "sim-model",
                42,
                256,
                19_000,
                16,
                10_000,
                8192,
                15,
                0.2,
                false,
                50,
                10,
                256,
                KvMetricFlavour.BOTH,
                1,
                false,
                ServerFlavour.VLLM,
                0,
                Optional.empty());
    }

    public static SimulatorConfig exact() {
        return new SimulatorConfig(
                "sim-model",
                42,
                Integer.MAX_VALUE,
                Integer.MAX_VALUE,
                16,
                10_000,
                8192,
                0,
                0,
                true,
                50,
                10,
                256,
                KvMetricFlavour.BOTH,
                1,
                false,
                ServerFlavour.VLLM,
                0,
                Optional.empty());
    }

    /** The preset called {@code name} (one of {@link #PRESETS}). */
    public static SimulatorConfig preset(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "fast" -> fast();
            case "a100-7b" -> a100Model7b();
            case "exact" -> exact();
            case "demo" -> demo();
            default ->
                throw new IllegalArgumentException(
                        "unknown preset '" + name + "' (expected one of " + String.join(", ", PRESETS) + ")");
        };
    }

    public long kvCapacityTokens() {
        return (long) kvBlocks * blockSize;
    }

    public SimulatorConfig withModelName(String v) {
        return toBuilder().modelName(v).build();
    }

    public SimulatorConfig withSeed(long v) {
        return toBuilder().seed(v).build();
    }

    public SimulatorConfig withMaxNumSeqs(int v) {
        return toBuilder().maxNumSeqs(v).build();
    }

    public SimulatorConfig withKvBlocks(int v) {
        return toBuilder().kvBlocks(v).build();
    }

    public SimulatorConfig withBlockSize(int v) {
        return toBuilder().blockSize(v).build();
    }

    public SimulatorConfig withPrefillTokensPerSecond(double v) {
        return toBuilder().prefillTokensPerSecond(v).build();
    }

    public SimulatorConfig withMaxModelLen(int v) {
        return toBuilder().maxModelLen(v).build();
    }

    public SimulatorConfig withStepBaseMs(double v) {
        return toBuilder().stepBaseMs(v).build();
    }

    public SimulatorConfig withStepPerSeqMs(double v) {
        return toBuilder().stepPerSeqMs(v).build();
    }

    public SimulatorConfig withFirstTokenMs(double v) {
        return toBuilder().firstTokenMs(v).build();
    }

    public SimulatorConfig withInterTokenMs(double v) {
        return toBuilder().interTokenMs(v).build();
    }

    public SimulatorConfig withMeanOutputTokens(int v) {
        return toBuilder().meanOutputTokens(v).build();
    }

    public SimulatorConfig withKvMetric(KvMetricFlavour v) {
        return toBuilder().kvMetric(v).build();
    }

    public SimulatorConfig withDataParallel(int v) {
        return toBuilder().dataParallel(v).build();
    }

    public SimulatorConfig withLaunchArguments(boolean v) {
        return toBuilder().withLaunchArguments(v).build();
    }

    public SimulatorConfig withFlavour(ServerFlavour v) {
        return toBuilder().flavour(v).build();
    }

    public SimulatorConfig withReasoningTokens(int v) {
        return toBuilder().reasoningTokens(v).build();
    }

    /** This configuration requiring the given API key; see {@code apiKey} above. */
    public SimulatorConfig withApiKey(String v) {
        return toBuilder().apiKey(Optional.of(v)).build();
    }

    /** A builder holding this configuration's values, to change several at once. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A builder starting from the {@code fast} preset (every field has a valid value to start from). */
    public static Builder builder() {
        return fast().toBuilder();
    }

    /**
     * Changes fields one by one, then {@link #build()} checks them together as the record's constructor does
     * (an inconsistent combination is an {@link IllegalArgumentException} there, not at each setter). The
     * {@code with...} copies go through it, so a new field needs adding here and in the record only.
     */
    public static final class Builder {
        private String modelName;
        private long seed;
        private int maxNumSeqs;
        private int kvBlocks;
        private int blockSize;
        private double prefillTokensPerSecond;
        private int maxModelLen;
        private double stepBaseMs;
        private double stepPerSeqMs;
        private boolean exactSchedule;
        private double firstTokenMs;
        private double interTokenMs;
        private int meanOutputTokens;
        private KvMetricFlavour kvMetric;
        private int dataParallel;
        private boolean withLaunchArguments;
        private ServerFlavour flavour;
        private int reasoningTokens;
        private Optional<String> apiKey;

        private Builder(SimulatorConfig from) {
            this.modelName = from.modelName;
            this.seed = from.seed;
            this.maxNumSeqs = from.maxNumSeqs;
            this.kvBlocks = from.kvBlocks;
            this.blockSize = from.blockSize;
            this.prefillTokensPerSecond = from.prefillTokensPerSecond;
            this.maxModelLen = from.maxModelLen;
            this.stepBaseMs = from.stepBaseMs;
            this.stepPerSeqMs = from.stepPerSeqMs;
            this.exactSchedule = from.exactSchedule;
            this.firstTokenMs = from.firstTokenMs;
            this.interTokenMs = from.interTokenMs;
            this.meanOutputTokens = from.meanOutputTokens;
            this.kvMetric = from.kvMetric;
            this.dataParallel = from.dataParallel;
            this.withLaunchArguments = from.withLaunchArguments;
            this.flavour = from.flavour;
            this.reasoningTokens = from.reasoningTokens;
            this.apiKey = from.apiKey;
        }

        public Builder modelName(String v) {
            this.modelName = v;
            return this;
        }

        public Builder seed(long v) {
            this.seed = v;
            return this;
        }

        public Builder maxNumSeqs(int v) {
            this.maxNumSeqs = v;
            return this;
        }

        public Builder kvBlocks(int v) {
            this.kvBlocks = v;
            return this;
        }

        public Builder blockSize(int v) {
            this.blockSize = v;
            return this;
        }

        public Builder prefillTokensPerSecond(double v) {
            this.prefillTokensPerSecond = v;
            return this;
        }

        public Builder maxModelLen(int v) {
            this.maxModelLen = v;
            return this;
        }

        public Builder stepBaseMs(double v) {
            this.stepBaseMs = v;
            return this;
        }

        public Builder stepPerSeqMs(double v) {
            this.stepPerSeqMs = v;
            return this;
        }

        public Builder exactSchedule(boolean v) {
            this.exactSchedule = v;
            return this;
        }

        public Builder firstTokenMs(double v) {
            this.firstTokenMs = v;
            return this;
        }

        public Builder interTokenMs(double v) {
            this.interTokenMs = v;
            return this;
        }

        public Builder meanOutputTokens(int v) {
            this.meanOutputTokens = v;
            return this;
        }

        public Builder kvMetric(KvMetricFlavour v) {
            this.kvMetric = v;
            return this;
        }

        public Builder dataParallel(int v) {
            this.dataParallel = v;
            return this;
        }

        public Builder withLaunchArguments(boolean v) {
            this.withLaunchArguments = v;
            return this;
        }

        public Builder flavour(ServerFlavour v) {
            this.flavour = v;
            return this;
        }

        public Builder reasoningTokens(int v) {
            this.reasoningTokens = v;
            return this;
        }

        public Builder apiKey(Optional<String> v) {
            this.apiKey = v;
            return this;
        }

        /** The configuration; throws {@link IllegalArgumentException} naming the first inconsistent value. */
        public SimulatorConfig build() {
            return new SimulatorConfig(
                    modelName,
                    seed,
                    maxNumSeqs,
                    kvBlocks,
                    blockSize,
                    prefillTokensPerSecond,
                    maxModelLen,
                    stepBaseMs,
                    stepPerSeqMs,
                    exactSchedule,
                    firstTokenMs,
                    interTokenMs,
                    meanOutputTokens,
                    kvMetric,
                    dataParallel,
                    withLaunchArguments,
                    flavour,
                    reasoningTokens,
                    apiKey);
        }
    }
}
