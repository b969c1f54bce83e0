package io.benchsuite.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Checks a completion or chat body the way vLLM's OpenAI server does and turns it into a
 * {@link CompletionCall}; failures are thrown as {@link ApiError.Failure} with vLLM's status, type and
 * (for the context-length error) wording. Pure: the request index and time come from the caller.
 */
final class CompletionRequestParser {

    private final SimulatorConfig config;
    private final PrefixCache prefixCache;

    CompletionRequestParser(SimulatorConfig config) {
        this(config, PrefixCache.of(config));
    }

    /** @param prefixCache looked up and filled with every accepted prompt */
    CompletionRequestParser(SimulatorConfig config, PrefixCache prefixCache) {
        this.config = config;
        this.prefixCache = prefixCache;
    }

    CompletionCall parse(JsonObject body, boolean chat, long requestIndex, long createdEpochSeconds) {
        checkModel(body, config.modelName());
        Prompt prompt = chat ? Prompt.fromChat(body) : Prompt.fromCompletion(body);
        int promptTokens = prompt.tokens();
        Integer maxTokens = optionalInt(
                body, chat && body.getValue("max_completion_tokens") != null ? "max_completion_tokens" : "max_tokens");
        int minTokens = optionalInt(body, "min_tokens") == null ? 0 : optionalInt(body, "min_tokens");
        checkContextLength(promptTokens, maxTokens);
        int effectiveMax = maxTokens != null ? maxTokens : config.maxModelLen() - promptTokens;
        if (effectiveMax < 1) {
            throw new ApiError.Failure(ApiError.badRequest("max_tokens must be at least 1, got " + effectiveMax + "."));
        }
        if (minTokens < 0) {
            throw new ApiError.Failure(
                    ApiError.badRequest("min_tokens must be greater than or equal to 0, got " + minTokens + "."));
        }
        if (minTokens > effectiveMax) {
            throw new ApiError.Failure(ApiError.badRequest("min_tokens must be less than or equal to max_tokens="
                    + effectiveMax + ", got " + minTokens + "."));
        }
        JsonObject streamOptions = body.getValue("stream_options") instanceof JsonObject o ? o : new JsonObject();
        long textSeed = config.seed() * 0x9E3779B97F4A7C15L + requestIndex;
        String id = (chat ? "chatcmpl-" : "cmpl-") + hexId(textSeed);
        GenerationRequest generation = new GenerationRequest(
                id, promptTokens, effectiveMax, minTokens, bool(body, "ignore_eos"), stopStrings(body), textSeed);
        return new CompletionCall(
                chat,
                bool(body, "stream"),
                bool(streamOptions, "include_usage"),
                bool(streamOptions, "continuous_usage_stats"),
                config.modelName(),
                createdEpochSeconds,
                generation,
                chat ? config.reasoningTokens() : 0, // vLLM's reasoning parser acts on chat answers only
                prefixCache.lookUpAndStore(prompt));
    }

    /** vLLM accepts a missing model (the served one is meant) and answers 404 to any other name. */
    static void checkModel(JsonObject body, String servedName) {
        Object model = body.getValue("model");
        if (model != null && !servedName.equals(model)) {
            throw new ApiError.Failure(ApiError.notFound("The model `" + model + "` does not exist."));
        }
    }

    private void checkContextLength(int promptTokens, Integer maxTokens) {
        int limit = config.maxModelLen();
        if (maxTokens == null) {
            if (promptTokens >= limit) {
                throw new ApiError.Failure(ApiError.badRequest("This model's maximum context length is " + limit
                        + " tokens. However, you requested " + promptTokens + " tokens in the messages, "
                        + "Please reduce the length of the messages."));
            }
        } else if ((long) promptTokens + maxTokens > limit) {
            throw new ApiError.Failure(ApiError.badRequest("This model's maximum context length is " + limit
                    + " tokens. However, you requested " + ((long) promptTokens + maxTokens) + " tokens ("
                    + promptTokens + " in the messages, " + maxTokens + " in the completion). "
                    + "Please reduce the length of the messages or completion."));
        }
    }

    private static Integer optionalInt(JsonObject body, String key) {
        Object value = body.getValue(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        throw new ApiError.Failure(ApiError.badRequest(key + " must be an integer"));
    }

    private static boolean bool(JsonObject body, String key) {
        Object value = body.getValue(key);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw new ApiError.Failure(ApiError.badRequest(key + " must be a boolean"));
    }

    private static List<String> stopStrings(JsonObject body) {
        Object stop = body.getValue("stop");
        List<String> stops = new ArrayList<>();
        if (stop instanceof String s) {
            stops.add(s);
        } else if (stop instanceof JsonArray array) {
            for (Object item : array) {
                if (!(item instanceof String s)) {
                    throw new ApiError.Failure(ApiError.badRequest("stop must be a string or a list of strings"));
                }
                stops.add(s);
            }
        } else if (stop != null) {
            throw new ApiError.Failure(ApiError.badRequest("stop must be a string or a list of strings"));
        }
        stops.removeIf(String::isEmpty);
        return stops;
    }

    /** 32 hex digits like vLLM's random ids, but derived from the seed so runs are reproducible. */
    private static String hexId(long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        return String.format("%016x%016x", random.nextLong(), random.nextLong());
    }
}
