package io.benchsuite.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import io.benchsuite.record.ServerTimings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Decodes streamed completion events (OpenAI/vLLM completions and chat-completions shapes, reasoning deltas,
 * llama.cpp's {@code timings}) with a streaming JSON parser that reads only the fields a benchmark uses and
 * skips the rest, because this runs once per token for every stream and must stay far cheaper than the
 * server's own work.
 *
 * <p>One instance decodes the events of one stream, in order, with one Jackson non-blocking parser fed event
 * by event: a parser made for each event (its context, symbol table and buffers) was a fifth of the bytes the
 * client allocated at 100 streams (a flight recording's allocation samples, docs/fidelity.md), and that garbage
 * sets how often the young collections pause every stream. Not thread-safe: a stream's events arrive on one
 * event loop. An event that is not one complete JSON object throws, and the next event starts on a new parser.
 */
public final class ChunkDecoder {

    /** The event could not be read as a completion chunk. */
    public static final class MalformedChunkException extends Exception {
        public MalformedChunkException(String message) {
            super(message);
        }
    }

    private static final JsonFactory JSON = new JsonFactory();

    /** The stream's parser, made at its first event and again after a malformed one; null until then. */
    private StrictParser parser;

    /** A decoder for the events of one stream. */
    public ChunkDecoder() {}

    /** Decodes one event on its own (tests, error bodies): a decoder of its own, used once. */
    public static Chunk decode(String json) throws MalformedChunkException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return decode(bytes, 0, bytes.length);
    }

    /** Decodes one event on its own: {@code new ChunkDecoder().next(bytes, offset, length)}. */
    public static Chunk decode(byte[] bytes, int offset, int length) throws MalformedChunkException {
        return new ChunkDecoder().next(bytes, offset, length);
    }

    /**
     * Decodes the stream's next event: the UTF-8 JSON in {@code bytes[offset, offset + length)}, read straight
     * from the bytes of the network read (no {@code String} of the event is made, and text is decoded only for
     * the fields kept). Content after the event's object is ignored.
     *
     * @throws MalformedChunkException when the bytes are not one complete JSON object
     */
    public Chunk next(byte[] bytes, int offset, int length) throws MalformedChunkException {
        try {
            if (parser == null) {
                parser = new StrictParser(JSON.createNonBlockingByteArrayParser());
            }
            StrictParser p = parser;
            p.feeder().feedInput(bytes, offset, offset + length);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedChunkException("not a JSON object: " + abbreviate(bytes, offset, length));
            }
            Builder b = new Builder();
            readTop(p, b);
            // The object ended: the parser waits for the next event, unless something followed the object in
            // this one. Then a new parser, so that the leftover cannot run into the next event.
            if (p.nextTokenOrEnd() != JsonToken.NOT_AVAILABLE) {
                parser = null;
            }
            return b.build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            parser = null;
            throw new MalformedChunkException(
                    "unreadable JSON chunk (" + e.getOriginalMessage() + "): " + abbreviate(bytes, offset, length));
        } catch (IOException e) {
            parser = null;
            throw new MalformedChunkException("unreadable JSON chunk: " + abbreviate(bytes, offset, length));
        } catch (MalformedChunkException e) {
            parser = null;
            throw e;
        }
    }

    /**
     * A non-blocking parser that a decoder reads like a blocking one over a whole event: running out of input
     * inside the event's object (a truncated event, where a blocking parser would meet the end of input) is an
     * error, not a token; and skipping a value goes through that check, where Jackson's own skip would wait for
     * input for ever.
     */
    private static final class StrictParser extends JsonParserDelegate {

        StrictParser(JsonParser nonBlocking) {
            super(nonBlocking);
        }

        ByteArrayFeeder feeder() {
            return (ByteArrayFeeder) delegate.getNonBlockingInputFeeder();
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = delegate.nextToken();
            if (token == JsonToken.NOT_AVAILABLE || token == null) {
                throw new JsonParseException(delegate, "the event ends inside its JSON object");
            }
            return token;
        }

        /** The next token, or NOT_AVAILABLE when the input is all read (between two events). */
        JsonToken nextTokenOrEnd() throws IOException {
            return delegate.nextToken();
        }

        @Override
        public JsonParser skipChildren() throws IOException {
            JsonToken current = delegate.currentToken();
            if (current != JsonToken.START_OBJECT && current != JsonToken.START_ARRAY) {
                return this;
            }
            int depth = 1;
            while (depth > 0) {
                JsonToken token = nextToken();
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                }
            }
            return this;
        }
    }

    private static final class Builder {
        String text = "";
        String reasoning = "";
        int promptTokens = -1;
        int completionTokens = -1;
        int reasoningTokens = -1;
        ServerTimings timings = ServerTimings.NONE;
        String finishReason;
        boolean hasChoice;
        String error;
        boolean objectIsError;
        String message;
        int cachedTokens = -1;

        Chunk build() {
            String errorMessage = error != null ? error : objectIsError ? (message == null ? "error" : message) : null;
            return new Chunk(
                    text,
                    reasoning,
                    promptTokens,
                    completionTokens,
                    reasoningTokens,
                    finishReason,
                    hasChoice,
                    timings,
                    errorMessage,
                    cachedTokens);
        }
    }

    private static void readTop(JsonParser p, Builder b) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "choices" -> readChoices(p, b, value);
                case "usage" -> readUsage(p, b, value);
                case "timings" -> readTimings(p, b, value);
                case "error" -> b.error = readError(p, value);
                case "object" -> b.objectIsError = value == JsonToken.VALUE_STRING && "error".equals(p.getText());
                case "message" -> b.message = value == JsonToken.VALUE_STRING ? p.getText() : null;
                default -> p.skipChildren();
            }
        }
    }

    private static void readChoices(JsonParser p, Builder b, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        boolean first = true;
        while (p.nextToken() == JsonToken.START_OBJECT) {
            if (first) {
                b.hasChoice = true;
                readChoice(p, b);
                first = false;
            } else {
                p.skipChildren(); // n > 1 is never requested by the benchmark
            }
        }
    }

    private static void readChoice(JsonParser p, Builder b) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "text" -> b.text = value == JsonToken.VALUE_STRING ? p.getText() : "";
                case "delta" -> readDelta(p, b, value);
                case "finish_reason" -> b.finishReason = value == JsonToken.VALUE_STRING ? p.getText() : null;
                default -> p.skipChildren();
            }
        }
    }

    private static void readDelta(JsonParser p, Builder b, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (v != JsonToken.VALUE_STRING) {
                p.skipChildren(); // "content": null beside a reasoning delta, or a tool call
            } else if ("content".equals(field)) {
                b.text = p.getText();
            } else if (("reasoning_content".equals(field) || "reasoning".equals(field)) && b.reasoning.isEmpty()) {
                b.reasoning = p.getText(); // some servers send both names with the same text
            }
        }
    }

    private static void readUsage(JsonParser p, Builder b, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren(); // "usage": null on every chunk unless continuous usage was asked for
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.VALUE_NUMBER_INT && "prompt_tokens".equals(field)) {
                b.promptTokens = p.getIntValue();
            } else if (v == JsonToken.VALUE_NUMBER_INT && "completion_tokens".equals(field)) {
                b.completionTokens = p.getIntValue();
            } else if (v == JsonToken.START_OBJECT && "completion_tokens_details".equals(field)) {
                readCompletionDetails(p, b);
            } else if (v == JsonToken.START_OBJECT && "prompt_tokens_details".equals(field)) {
                readPromptTokensDetails(p, b);
            } else {
                p.skipChildren();
            }
        }
    }

    /** {@code usage.prompt_tokens_details}: vLLM and llama.cpp put the prefix-cache hits there. */
    private static void readPromptTokensDetails(JsonParser p, Builder b) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.VALUE_NUMBER_INT && "cached_tokens".equals(field)) {
                b.cachedTokens = p.getIntValue();
            } else {
                p.skipChildren();
            }
        }
    }

    private static void readCompletionDetails(JsonParser p, Builder b) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.VALUE_NUMBER_INT && "reasoning_tokens".equals(field)) {
                b.reasoningTokens = p.getIntValue();
            } else {
                p.skipChildren();
            }
        }
    }

    /** llama.cpp: {@code "timings": {"prompt_n", "predicted_n", "predicted_per_second", ...}}. */
    private static void readTimings(JsonParser p, Builder b, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        int predictedN = -1;
        int promptN = -1;
        double predictedPerSecond = Double.NaN;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            boolean number = v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT;
            if (v == JsonToken.VALUE_NUMBER_INT && "predicted_n".equals(field)) {
                predictedN = p.getIntValue();
            } else if (v == JsonToken.VALUE_NUMBER_INT && "prompt_n".equals(field)) {
                promptN = p.getIntValue();
            } else if (number && "predicted_per_second".equals(field)) {
                predictedPerSecond = p.getDoubleValue();
            } else {
                p.skipChildren();
            }
        }
        b.timings = new ServerTimings(predictedN, predictedPerSecond, promptN);
    }

    private static String readError(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return "error";
        }
        String message = "error";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if ("message".equals(field) && v == JsonToken.VALUE_STRING) {
                message = p.getText();
            } else {
                p.skipChildren();
            }
        }
        return message;
    }

    private static String abbreviate(byte[] bytes, int offset, int length) {
        return abbreviate(new String(bytes, offset, length, StandardCharsets.UTF_8));
    }

    static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
