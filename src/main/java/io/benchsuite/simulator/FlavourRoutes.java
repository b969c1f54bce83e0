package io.benchsuite.simulator;

/**
 * Which of the simulator's technical routes each {@link ServerFlavour} has, and what it says about itself:
 * the probes of {@code backend=auto} must meet what the real server would answer.
 * <ul>
 *   <li>{@code /v1/info}, {@code /v1/launch_arguments} (happy_vllm) and {@code /version} (vLLM): vllm only;</li>
 *   <li>{@code /metrics/}: vllm only (happy_vllm's path); the others answer 404 there, as llama-server does,
 *       and serve {@code /metrics};</li>
 *   <li>{@code owned_by} in {@code /v1/models}: vllm, sglang, llamacpp, tgi, "Triton Inference Server"
 *       (Triton's OpenAI front end); Ray Serve keeps vLLM's.</li>
 * </ul>
 */
final class FlavourRoutes {

    private final ServerFlavour flavour;

    FlavourRoutes(ServerFlavour flavour) {
        this.flavour = flavour;
    }

    /** False for a path this flavour's real server does not have, which then answers 404. */
    boolean serves(String path) {
        return switch (path) {
            case "/v1/info", "/v1/launch_arguments", "/version", "/metrics/" -> flavour == ServerFlavour.VLLM;
            default -> true;
        };
    }

    String ownedBy() {
        return switch (flavour) {
            case VLLM, RAY_VLLM -> "vllm";
            case SGLANG -> "sglang";
            case LLAMACPP -> "llamacpp";
            case TGI -> "tgi";
            case TRTLLM -> "Triton Inference Server";
        };
    }

    /** {@code GET /version}: vLLM's answer. */
    static String versionJson() {
        return "{\"version\":\"" + InfoDocuments.VLLM_VERSION + "\"}";
    }
}
