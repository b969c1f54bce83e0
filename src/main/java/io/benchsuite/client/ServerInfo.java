package io.benchsuite.client;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the server says about itself before a run.
 *
 * @param model the name to send in requests
 * @param happyVllmVersion happy_vllm's version (/v1/info), when the server is happy_vllm
 * @param vllmVersion vLLM's version, when known
 * @param maxModelLen the context length in tokens, when the server says
 * @param launchArguments happy_vllm's launch arguments; empty when it was started without them
 */
public record ServerInfo(
        String model,
        Optional<String> happyVllmVersion,
        Optional<String> vllmVersion,
        OptionalInt maxModelLen,
        Map<String, Object> launchArguments) {}
