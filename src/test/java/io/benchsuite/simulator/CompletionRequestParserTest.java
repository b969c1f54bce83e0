package io.benchsuite.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionRequestParserTest {

    private final CompletionRequestParser parser = new CompletionRequestParser(SimulatorConfig.fast()); // 1,024 ctx

    private CompletionCall parse(String json, boolean chat) {
        return parser.parse(new JsonObject(json), chat, 0, 1_700_000_000L);
    }

    private ApiError failure(String json) {
        return assertThrows(ApiError.Failure.class, () -> parse(json, false)).error;
    }

    @Test
    void readsTheBenchmarkBody() {
        CompletionCall call = parse(
                "{\"model\":\"sim-model\",\"prompt\":\"Hello world\",\"max_tokens\":8,"
                        + "\"min_tokens\":8,\"ignore_eos\":true,\"stream\":true,\"stop\":\"x\",\"stream_options\":"
                        + "{\"include_usage\":true,\"continuous_usage_stats\":true}}",
                false);
        assertTrue(call.stream() && call.includeUsage() && call.continuousUsage());
        GenerationRequest g = call.generation();
        assertEquals(4, g.promptTokens()); // "Hell" "o" " wor" "ld": letter runs are cut every 4 characters
        assertEquals(8, g.maxTokens());
        assertEquals(8, g.minTokens());
        assertTrue(g.ignoreEos());
        assertEquals(List.of("x"), g.stop());
        assertTrue(g.id().startsWith("cmpl-") && g.id().length() == 5 + 32);
    }

    @Test
    void maxTokensDefaultsToTheContextLeft() {
        assertEquals(
                1024 - 3, parse("{\"prompt\":\"a b c\"}", false).generation().maxTokens());
    }

    @Test
    void chatUsesTheTemplateAndMaxCompletionTokens() {
        CompletionCall call =
                parse("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]," + "\"max_completion_tokens\":4}", true);
        // "user: hi\nassistant:" -> "user" ":" " hi" "\n" "assi" "stan" "t" ":"
        assertEquals(8, call.generation().promptTokens());
        assertEquals(4, call.generation().maxTokens());
        assertTrue(call.generation().id().startsWith("chatcmpl-"));
    }

    @Test
    void unknownModelIs404WithVllmWording() {
        ApiError error = failure("{\"model\":\"other\",\"prompt\":\"a\"}");
        assertEquals(new ApiError(404, "NotFoundError", "The model `other` does not exist."), error);
    }

    @Test
    void tooLongIs400WithVllmWording() {
        ApiError error = failure("{\"prompt\":\"a b c\",\"max_tokens\":1022}");
        assertEquals(400, error.status());
        assertEquals(
                "This model's maximum context length is 1024 tokens. However, you requested 1025 tokens "
                        + "(3 in the messages, 1022 in the completion). Please reduce the length of the messages or "
                        + "completion.",
                error.message());
        assertEquals(
                1024 - 3,
                parse("{\"prompt\":\"a b c\",\"max_tokens\":1021}", false)
                        .generation()
                        .maxTokens());
    }

    @Test
    void badFieldsAre400() {
        assertEquals(
                400,
                failure("{\"prompt\":\"a\",\"max_tokens\":2,\"min_tokens\":3}").status());
        assertEquals(400, failure("{\"prompt\":\"a\",\"max_tokens\":\"many\"}").status());
        assertEquals(400, failure("{\"prompt\":\"a\",\"max_tokens\":0}").status());
        assertEquals(400, failure("{\"prompt\":7}").status());
        assertEquals(400, failure("{\"prompt\":\"a\",\"stop\":[1]}").status());
    }
}
