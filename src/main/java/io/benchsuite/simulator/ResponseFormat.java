package io.benchsuite.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Writes one request's answer in vLLM's wire format: SSE chunks for streams (hand-built strings, as they are
 * the hot path at thousands of chunks per second) and the single JSON document otherwise.
 *
 * <p>Completion chunk: {@code {"id","object":"text_completion","created","model","choices":[{"index":0,
 * "text","logprobs":null,"finish_reason","stop_reason"}],"usage":null}}. Chat chunk: object
 * {@code chat.completion.chunk} and a {@code delta} instead of {@code text}; the first chat chunk carries
 * {@code {"role":"assistant","content":""}}. With reasoning tokens configured, a chat answer's first tokens
 * come as {@code delta.reasoning_content} and the usage carries
 * {@code completion_tokens_details.reasoning_tokens}.
 */
final class ResponseFormat {

    static final String DONE = "data: [DONE]\n\n";

    private final CompletionCall call;
    private final String head;

    ResponseFormat(CompletionCall call) {
        this.call = call;
        this.head = "{\"id\":" + JsonText.quote(call.generation().id())
                + ",\"object\":\"" + (call.chat() ? "chat.completion.chunk" : "text_completion") + "\""
                + ",\"created\":" + call.created()
                + ",\"model\":" + JsonText.quote(call.model())
                + ",\"choices\":[";
    }

    /** The chunk of one token (the last one carries the finish reason). */
    String tokenChunk(TokenDelta delta) {
        StringBuilder out =
                new StringBuilder(head.length() + 160).append("data: ").append(head);
        out.append("{\"index\":0,");
        if (call.chat()) {
            // A reasoning model's thinking comes first, in a field of its own, as vLLM's reasoning parser sends it.
            String field = call.isReasoning(delta.completionTokens()) ? "reasoning_content" : "content";
            out.append("\"delta\":{\"")
                    .append(field)
                    .append("\":")
                    .append(JsonText.quote(delta.text()))
                    .append('}');
        } else {
            out.append("\"text\":").append(JsonText.quote(delta.text()));
        }
        out.append(",\"logprobs\":null,\"finish_reason\":")
                .append(delta.finished() ? JsonText.quote(delta.finishReason().wireName()) : "null")
                .append(",\"stop_reason\":")
                .append(delta.stopReason() != null ? JsonText.quote(delta.stopReason()) : "null")
                .append("}],\"usage\":");
        appendUsage(out, call.continuousUsage() ? delta.completionTokens() : -1);
        return out.append("}\n\n").toString();
    }

    /** The first chat chunk, sent as soon as the request is accepted: the assistant role, no content. */
    String roleChunk() {
        StringBuilder out = new StringBuilder("data: ")
                .append(head)
                .append("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,")
                .append("\"finish_reason\":null}],\"usage\":");
        appendUsage(out, call.continuousUsage() ? 0 : -1);
        return out.append("}\n\n").toString();
    }

    /** With {@code include_usage}: after the last token, no choices and the final counts. */
    String usageChunk(int completionTokens) {
        StringBuilder out = new StringBuilder("data: ").append(head).append("],\"usage\":");
        appendUsage(out, completionTokens);
        return out.append("}\n\n").toString();
    }

    private void appendUsage(StringBuilder out, int completionTokens) {
        if (completionTokens < 0) {
            out.append("null");
        } else {
            int prompt = call.promptTokens();
            out.append("{\"prompt_tokens\":")
                    .append(prompt)
                    .append(",\"total_tokens\":")
                    .append(prompt + completionTokens)
                    .append(",\"completion_tokens\":")
                    .append(completionTokens);
            if (call.reasoningTokens() > 0) {
                out.append(",\"completion_tokens_details\":{\"reasoning_tokens\":")
                        .append(Math.min(call.reasoningTokens(), completionTokens))
                        .append('}');
            }
            appendCachedTokens(out, call.cachedTokens());
            out.append('}');
        }
    }

    /** vLLM's (and llama.cpp's) {@code prompt_tokens_details}, written only on a prefix-cache hit. */
    static void appendCachedTokens(StringBuilder out, int cachedTokens) {
        if (cachedTokens > 0) {
            out.append(",\"prompt_tokens_details\":{\"cached_tokens\":")
                    .append(cachedTokens)
                    .append('}');
        }
    }

    /** The non-streaming answer, once the request has finished. */
    String fullResponse(String text, TokenDelta last) {
        JsonObject choice = new JsonObject().put("index", 0);
        if (call.chat()) {
            choice.put(
                    "message",
                    new JsonObject()
                            .put("role", "assistant")
                            .put("content", text)
                            .put("tool_calls", new JsonArray()));
        } else {
            choice.put("text", text);
        }
        choice.putNull("logprobs")
                .put("finish_reason", last.finishReason().wireName())
                .put("stop_reason", last.stopReason());
        int prompt = call.promptTokens();
        JsonObject usage = new JsonObject()
                .put("prompt_tokens", prompt)
                .put("total_tokens", prompt + last.completionTokens())
                .put("completion_tokens", last.completionTokens());
        if (call.cachedTokens() > 0) {
            usage.put("prompt_tokens_details", new JsonObject().put("cached_tokens", call.cachedTokens()));
        }
        return new JsonObject()
                .put("id", call.generation().id())
                .put("object", call.chat() ? "chat.completion" : "text_completion")
                .put("created", call.created())
                .put("model", call.model())
                .put("choices", new JsonArray().add(choice))
                .put("usage", usage)
                .encode();
    }
}
