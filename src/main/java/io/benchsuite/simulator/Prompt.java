package io.benchsuite.simulator;

import io.benchsuite.tokenizer.SimpleTokenizer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The prompt of a request and its length by {@link SimpleTokenizer}.
 *
 * <p>Completions take {@code prompt} as a string, a one-element list of strings, or a list of token ids
 * (counted as they are). Chat requests are rendered with a minimal template, one line per message,
 * {@code "<role>: <content>\n"}, followed by {@code "assistant:"}; content may be a string or a list of
 * {@code {"type":"text","text":...}} parts.
 *
 * @param text     the text that was tokenized, or null when the prompt was given as token ids
 * @param tokenIds the token ids given by the client, or null
 */
record Prompt(String text, List<Integer> tokenIds) {

    int tokens() {
        return text != null ? SimpleTokenizer.count(text) : tokenIds.size();
    }

    static Prompt fromCompletion(JsonObject body) {
        Object prompt = body.getValue("prompt");
        if (prompt instanceof String text) {
            return new Prompt(text, null);
        }
        if (prompt instanceof JsonArray array && !array.isEmpty()) {
            if (array.size() == 1 && array.getValue(0) instanceof String text) {
                return new Prompt(text, null);
            }
            List<Integer> ids = new ArrayList<>(array.size());
            for (Object item : array) {
                if (!(item instanceof Integer id)) {
                    throw new ApiError.Failure(ApiError.badRequest(
                            "prompt must be a string, a list with one string, or a list of token ids"));
                }
                ids.add(id);
            }
            return new Prompt(null, ids);
        }
        throw new ApiError.Failure(
                ApiError.badRequest("prompt must be a string, a list with one string, or a list of token ids"));
    }

    static Prompt fromChat(JsonObject body) {
        if (!(body.getValue("messages") instanceof JsonArray messages) || messages.isEmpty()) {
            throw new ApiError.Failure(ApiError.badRequest("messages must be a non-empty list"));
        }
        StringBuilder text = new StringBuilder();
        for (Object item : messages) {
            if (!(item instanceof JsonObject message) || !(message.getValue("role") instanceof String role)) {
                throw new ApiError.Failure(ApiError.badRequest("each message needs a role and a content"));
            }
            text.append(role)
                    .append(": ")
                    .append(content(message.getValue("content")))
                    .append('\n');
        }
        return new Prompt(text.append("assistant:").toString(), null);
    }

    private static String content(Object content) {
        if (content == null) {
            return "";
        }
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof JsonArray parts) {
            StringBuilder text = new StringBuilder();
            for (Object part : parts) {
                if (part instanceof JsonObject object && object.getValue("text") instanceof String piece) {
                    text.append(piece);
                } else {
                    throw new ApiError.Failure(ApiError.badRequest("only text content parts are supported"));
                }
            }
            return text.toString();
        }
        throw new ApiError.Failure(ApiError.badRequest("message content must be a string or a list of parts"));
    }

    /** Token ids for {@code /tokenize}: the given ones, or a stable id per token text. */
    List<Integer> ids() {
        if (tokenIds != null) {
            return tokenIds;
        }
        List<Integer> ids = new ArrayList<>();
        for (String token : SimpleTokenizer.tokenize(text)) {
            ids.add(Math.floorMod(token.hashCode(), VOCABULARY_SIZE));
        }
        return ids;
    }

    /** Same size as Llama-2's vocabulary; the ids only need to be stable, not meaningful. */
    static final int VOCABULARY_SIZE = 32_000;
}
