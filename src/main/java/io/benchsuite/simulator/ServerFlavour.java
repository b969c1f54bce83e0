package io.benchsuite.simulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which real server the simulator imitates: its routes, the names and labels of its metrics, and the shape
 * of its streams. The engine model (batching, KV cache, prefill, decode) is the same for every flavour; only
 * what crosses HTTP changes, so that a client can be tested against each server kind on loopback.
 */
public enum ServerFlavour {
    /** vLLM's OpenAI-compatible server together with happy_vllm's routes ({@code /v1/info},
     *  {@code /v1/launch_arguments}): what the simulator always served. */
    VLLM("vllm"),
    /** llama.cpp's {@code llama-server}. */
    LLAMACPP("llamacpp"),
    /** SGLang's server. */
    SGLANG("sglang"),
    /** Hugging Face Text Generation Inference. */
    TGI("tgi"),
    /** TensorRT-LLM behind Triton's OpenAI-compatible front end. */
    TRTLLM("trtllm"),
    /** vLLM served through Ray Serve. */
    RAY_VLLM("ray-vllm");

    private final String id;

    ServerFlavour(String id) {
        this.id = id;
    }

    /** The name used on the command line ({@code bench-suite simulate --flavour ID}). */
    public String id() {
        return id;
    }

    /** The flavour called {@code text} (case-insensitive, '_' and '-' alike); IllegalArgumentException otherwise. */
    public static ServerFlavour parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values())
                .filter(f -> f.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown flavour '" + text + "' (expected one of " + choices() + ")"));
    }

    public static String choices() {
        return Arrays.stream(values()).map(ServerFlavour::id).collect(Collectors.joining(", "));
    }
}
