package io.benchsuite.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The small JSON documents of the technical routes, built from the configuration alone. */
final class InfoDocuments {

    /** Reported as happy_vllm's and vLLM's versions: the pair the seed tool was written against. */
    static final String HAPPY_VLLM_VERSION = "1.2.6";

    static final String VLLM_VERSION = "0.8.2";

    private final SimulatorConfig config;
    private final long startedEpochSeconds;

    InfoDocuments(SimulatorConfig config, long startedEpochSeconds) {
        this.config = config;
        this.startedEpochSeconds = startedEpochSeconds;
    }

    /** {@code GET /v1/models}: vLLM's ModelList with the one served model. */
    JsonObject models() {
        JsonObject permission = new JsonObject()
                .put("id", "modelperm-" + Long.toHexString(config.seed()))
                .put("object", "model_permission")
                .put("created", startedEpochSeconds)
                .put("allow_create_engine", false)
                .put("allow_sampling", true)
                .put("allow_logprobs", true)
                .put("allow_search_indices", false)
                .put("allow_view", true)
                .put("allow_fine_tuning", false)
                .put("organization", "*")
                .putNull("group")
                .put("is_blocking", false);
        JsonObject model = new JsonObject()
                .put("id", config.modelName())
                .put("object", "model")
                .put("created", startedEpochSeconds)
                .put("owned_by", new FlavourRoutes(config.flavour()).ownedBy())
                .put("root", config.modelName())
                .putNull("parent")
                .put("max_model_len", config.maxModelLen())
                .put("permission", new JsonArray().add(permission));
        return new JsonObject().put("object", "list").put("data", new JsonArray().add(model));
    }

    /** {@code GET /v1/info}: happy_vllm's description of itself. */
    JsonObject info() {
        return new JsonObject()
                .put("application", "happy_vllm")
                .put("version", HAPPY_VLLM_VERSION)
                .put("vllm_version", VLLM_VERSION)
                .put("model_name", config.modelName())
                .put("truncation_side", "left")
                .put("max_length", config.maxModelLen())
                .put("extra_information", new JsonObject());
    }

    /**
     * {@code GET /v1/launch_arguments}: {@code {}} as happy_vllm answers by default, or, with the flag, a flat
     * dictionary of the engine arguments the simulated server would have been started with.
     */
    JsonObject launchArguments(String host, int port) {
        if (!config.withLaunchArguments()) {
            return new JsonObject();
        }
        boolean exact = config.exactSchedule();
        return new JsonObject()
                .put("host", host)
                .put("port", port)
                .put("model_name", config.modelName())
                .put("app_name", "happy_vllm")
                .put("api_endpoint_prefix", "")
                .put("with_launch_arguments", true)
                .put("model", config.modelName())
                .put("tokenizer", config.modelName())
                .put("served_model_name", config.modelName())
                .put("dtype", "auto")
                .put("kv_cache_dtype", "auto")
                .put("max_model_len", config.maxModelLen())
                .put("tensor_parallel_size", 1)
                .put("pipeline_parallel_size", 1)
                .put("data_parallel_size", config.dataParallel())
                .put("block_size", config.blockSize())
                .put("enable_prefix_caching", false)
                .put("gpu_memory_utilization", 0.9)
                .put("num_gpu_blocks_override", exact ? null : config.kvBlocks())
                .put("max_num_seqs", exact ? null : config.maxNumSeqs())
                .putNull("max_num_batched_tokens")
                .put("swap_space", 4)
                .put("enforce_eager", false)
                .put("enable_chunked_prefill", false)
                .putNull("quantization")
                .put("seed", config.seed());
    }

    /** {@code POST /tokenize}: vLLM's answer shape. */
    JsonObject tokenize(Prompt prompt) {
        JsonArray tokens = new JsonArray();
        prompt.ids().forEach(tokens::add);
        return new JsonObject()
                .put("count", tokens.size())
                .put("max_model_len", config.maxModelLen())
                .put("tokens", tokens);
    }
}
