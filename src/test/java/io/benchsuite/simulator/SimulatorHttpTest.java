package io.benchsuite.simulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.tokenizer.SimpleTokenizer;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every route's shape against a real server on a free loopback port. */
class SimulatorHttpTest {

    private static RunningSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = Simulator.start(SimulatorConfig.fast(), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static RequestSpecification api() {
        return given().baseUri(simulator.baseUrl());
    }

    private static SseTestClient.Result stream(String path, String body) throws Exception {
        return SseTestClient.post(simulator.baseUrl() + path, body);
    }

    @Test
    void listensOnTheGivenFreePort() {
        assertTrue(simulator.port() > 0);
        assertEquals("http://127.0.0.1:" + simulator.port(), simulator.baseUrl());
    }

    @Test
    void modelsListsTheServedModelWithItsContextLength() {
        api().get("/v1/models")
                .then()
                .statusCode(200)
                .body("object", equalTo("list"))
                .body("data", hasSize(1))
                .body("data[0].id", equalTo("sim-model"))
                .body("data[0].object", equalTo("model"))
                .body("data[0].owned_by", equalTo("vllm"))
                .body("data[0].root", equalTo("sim-model"))
                .body("data[0].parent", nullValue())
                .body("data[0].max_model_len", equalTo(1024))
                .body("data[0].permission[0].object", equalTo("model_permission"));
    }

    @Test
    void infoDescribesHappyVllm() {
        api().get("/v1/info")
                .then()
                .statusCode(200)
                .body("application", equalTo("happy_vllm"))
                .body("version", notNullValue())
                .body("vllm_version", notNullValue())
                .body("model_name", equalTo("sim-model"))
                .body("truncation_side", equalTo("left"))
                .body("max_length", equalTo(1024))
                .body("extra_information", equalTo(java.util.Map.of()));
    }

    @Test
    void launchArgumentsAreEmptyWithoutTheFlagAndFlatWithIt() {
        api().get("/v1/launch_arguments").then().statusCode(200).body(equalTo("{}"));
        try (RunningSimulator withArgs =
                Simulator.start(SimulatorConfig.fast().withLaunchArguments(true), "127.0.0.1", 0)) {
            given().baseUri(withArgs.baseUrl())
                    .get("/v1/launch_arguments")
                    .then()
                    .statusCode(200)
                    .body("model", equalTo("sim-model"))
                    .body("max_model_len", equalTo(1024))
                    .body("block_size", equalTo(16))
                    .body("max_num_seqs", equalTo(4))
                    .body("gpu_memory_utilization", equalTo(0.9f))
                    .body("port", equalTo(withArgs.port()));
        }
    }

    @Test
    void healthAndMetricsAnswer() {
        api().get("/health").then().statusCode(200);
        for (String path : List.of("/metrics", "/metrics/")) {
            api().get(path)
                    .then()
                    .statusCode(200)
                    .contentType(startsWith("text/plain"))
                    .body(containsString("vllm:num_requests_running{model_name=\"sim-model\"}"))
                    .body(containsString("vllm:num_requests_waiting{model_name=\"sim-model\"}"))
                    .body(containsString("vllm:kv_cache_usage_perc{model_name=\"sim-model\"}"))
                    .body(containsString("vllm:gpu_cache_usage_perc{model_name=\"sim-model\"}"))
                    .body(containsString("vllm:cache_config_info{model_name=\"sim-model\",block_size=\"16\""))
                    .body(containsString(
                            "vllm:e2e_request_latency_seconds_bucket{model_name=\"sim-model\",le=\"+Inf\"}"));
        }
    }

    @Test
    void tokenizeCountsWithTheSimpleTokenizer() {
        String prompt = "Hello world, again";
        api().contentType(ContentType.JSON)
                .body("{\"model\":\"sim-model\",\"prompt\":\"" + prompt + "\"}")
                .post("/tokenize")
                .then()
                .statusCode(200)
                .body("count", equalTo(SimpleTokenizer.count(prompt)))
                .body("max_model_len", equalTo(1024))
                .body("tokens", hasSize(SimpleTokenizer.count(prompt)));
    }

    @Test
    void nonStreamingCompletionHasTextAndUsage() {
        api().contentType(ContentType.JSON)
                .body("{\"model\":\"sim-model\",\"prompt\":\"go abc abc\",\"max_tokens\":7,\"ignore_eos\":true}")
                .post("/v1/completions")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("id", startsWith("cmpl-"))
                .body("object", equalTo("text_completion"))
                .body("model", equalTo("sim-model"))
                .body("created", notNullValue())
                .body("choices[0].index", equalTo(0))
                .body("choices[0].logprobs", nullValue())
                .body("choices[0].finish_reason", equalTo("length"))
                .body("choices[0].stop_reason", nullValue())
                .body("usage.prompt_tokens", equalTo(3))
                .body("usage.completion_tokens", equalTo(7))
                .body("usage.total_tokens", equalTo(10));
    }

    @Test
    void nonStreamingChatHasAnAssistantMessage() {
        api().contentType(ContentType.JSON)
                .body("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":3,\"min_tokens\":3}")
                .post("/v1/chat/completions")
                .then()
                .statusCode(200)
                .body("id", startsWith("chatcmpl-"))
                .body("object", equalTo("chat.completion"))
                .body("choices[0].message.role", equalTo("assistant"))
                .body("choices[0].message.content", notNullValue())
                .body("choices[0].finish_reason", equalTo("length"))
                .body("usage.completion_tokens", equalTo(3));
    }

    @Test
    void streamingCompletionSendsOneChunkPerTokenThenUsageThenDone() throws Exception {
        SseTestClient.Result result = stream(
                "/v1/completions",
                "{\"model\":\"sim-model\",\"prompt\":\"go abc\","
                        + "\"max_tokens\":6,\"min_tokens\":6,\"stream\":true,"
                        + "\"stream_options\":{\"include_usage\":true,\"continuous_usage_stats\":true}}");
        assertEquals(200, result.status());
        assertTrue(result.contentType().startsWith("text/event-stream"));
        assertEquals("[DONE]", result.events().get(result.events().size() - 1).data());
        List<JsonObject> chunks = result.chunks();
        assertEquals(6 + 1, chunks.size());
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            JsonObject chunk = chunks.get(i);
            assertEquals("text_completion", chunk.getString("object"));
            assertEquals(chunks.get(0).getString("id"), chunk.getString("id"));
            JsonObject choice = chunk.getJsonArray("choices").getJsonObject(0);
            assertEquals(0, choice.getInteger("index"));
            assertTrue(choice.containsKey("logprobs") && choice.getValue("logprobs") == null);
            assertEquals(i == 5 ? "length" : null, choice.getString("finish_reason"));
            assertTrue(choice.containsKey("stop_reason"));
            assertEquals(
                    new JsonObject("{\"prompt_tokens\":2,\"total_tokens\":" + (3 + i) + ",\"completion_tokens\":"
                            + (i + 1) + "}"),
                    chunk.getJsonObject("usage"));
            text.append(choice.getString("text"));
        }
        assertEquals(6, SimpleTokenizer.count(text.toString()));
        JsonObject usage = chunks.get(6);
        assertTrue(usage.getJsonArray("choices").isEmpty());
        assertEquals(6, usage.getJsonObject("usage").getInteger("completion_tokens"));
        assertEquals(8, usage.getJsonObject("usage").getInteger("total_tokens"));
    }

    @Test
    void streamingWithoutStreamOptionsHasNullUsageAndNoUsageChunk() throws Exception {
        SseTestClient.Result result =
                stream("/v1/completions", "{\"prompt\":\"go\",\"max_tokens\":3,\"ignore_eos\":true,\"stream\":true}");
        List<JsonObject> chunks = result.chunks();
        assertEquals(3, chunks.size());
        for (JsonObject chunk : chunks) {
            assertTrue(chunk.containsKey("usage"));
            assertNull(chunk.getValue("usage"));
        }
    }

    @Test
    void streamingChatStartsWithTheRoleThenSendsDeltas() throws Exception {
        SseTestClient.Result result = stream(
                "/v1/chat/completions",
                "{\"model\":\"sim-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                        + "\"max_tokens\":4,\"ignore_eos\":true,\"stream\":true,"
                        + "\"stream_options\":{\"include_usage\":true}}");
        List<JsonObject> chunks = result.chunks();
        assertEquals(1 + 4 + 1, chunks.size());
        JsonObject first = chunks.get(0);
        assertEquals("chat.completion.chunk", first.getString("object"));
        assertEquals(
                new JsonObject().put("role", "assistant").put("content", ""),
                first.getJsonArray("choices").getJsonObject(0).getJsonObject("delta"));
        for (int i = 1; i <= 4; i++) {
            JsonObject choice = chunks.get(i).getJsonArray("choices").getJsonObject(0);
            assertTrue(choice.getJsonObject("delta").containsKey("content"));
            assertEquals(i == 4 ? "length" : null, choice.getString("finish_reason"));
        }
        assertEquals(4, chunks.get(5).getJsonObject("usage").getInteger("completion_tokens"));
    }

    @Test
    void ignoreEosAndMinTokensGiveExactLengthsOverHttp() throws Exception {
        for (String body : List.of(
                "{\"prompt\":\"go\",\"max_tokens\":57,\"ignore_eos\":true,\"stream\":true,"
                        + "\"stream_options\":{\"include_usage\":true}}",
                "{\"prompt\":\"go\",\"max_tokens\":57,\"min_tokens\":57,\"stream\":true,"
                        + "\"stream_options\":{\"include_usage\":true}}")) {
            List<JsonObject> chunks = stream("/v1/completions", body).chunks();
            assertEquals(
                    57, chunks.get(chunks.size() - 1).getJsonObject("usage").getInteger("completion_tokens"));
            assertEquals(57 + 1, chunks.size());
        }
    }

    @Test
    void withoutIgnoreEosARequestCanStopEarlyButNotBeforeMinTokens() throws Exception {
        // fast preset: EOS between 16 and 48 tokens
        List<JsonObject> chunks = stream(
                        "/v1/completions",
                        "{\"prompt\":\"go\",\"max_tokens\":500,\"min_tokens\":5,"
                                + "\"stream\":true,\"stream_options\":{\"include_usage\":true}}")
                .chunks();
        int tokens = chunks.get(chunks.size() - 1).getJsonObject("usage").getInteger("completion_tokens");
        assertTrue(tokens >= 16 && tokens <= 48, "EOS after " + tokens);
        JsonObject last = chunks.get(chunks.size() - 2).getJsonArray("choices").getJsonObject(0);
        assertEquals("stop", last.getString("finish_reason"));
    }

    @Test
    void aStopStringEndsTheStreamAndIsReportedAsStopReason() throws Exception {
        List<JsonObject> chunks = stream(
                        "/v1/completions",
                        "{\"prompt\":\"go\",\"max_tokens\":500,"
                                + "\"ignore_eos\":true,\"stop\":[\" the\",\" data\"],\"stream\":true}")
                .chunks();
        JsonObject last = chunks.get(chunks.size() - 1).getJsonArray("choices").getJsonObject(0);
        assertEquals("stop", last.getString("finish_reason"));
        String reason = last.getString("stop_reason");
        assertTrue(reason.equals(" the") || reason.equals(" data"), reason);
        StringBuilder text = new StringBuilder();
        chunks.forEach(
                c -> text.append(c.getJsonArray("choices").getJsonObject(0).getString("text")));
        assertFalse(text.toString().contains(" the") || text.toString().contains(" data"), text.toString());
    }

    @Test
    void unknownModelIs404() {
        api().contentType(ContentType.JSON)
                .body("{\"model\":\"gpt-4\",\"prompt\":\"go\"}")
                .post("/v1/completions")
                .then()
                .statusCode(404)
                .body("object", equalTo("error"))
                .body("type", equalTo("NotFoundError"))
                .body("code", equalTo(404))
                .body("message", equalTo("The model `gpt-4` does not exist."));
    }

    @Test
    void tooLongPromptIs400() {
        api().contentType(ContentType.JSON)
                .body("{\"prompt\":\"" + SseTestClient.promptOfTokens(1000) + "\",\"max_tokens\":100}")
                .post("/v1/completions")
                .then()
                .statusCode(400)
                .body("object", equalTo("error"))
                .body("type", equalTo("BadRequestError"))
                .body("code", equalTo(400))
                .body("param", nullValue())
                .body(
                        "message",
                        startsWith("This model's maximum context length is 1024 tokens. However, you "
                                + "requested 1100 tokens (1000 in the messages, 100 in the completion)."));
    }

    @Test
    void malformedBodyIs400() {
        api().contentType(ContentType.JSON)
                .body("{\"prompt\":")
                .post("/v1/completions")
                .then()
                .statusCode(400)
                .body("type", equalTo("BadRequestError"));
        api().contentType(ContentType.JSON)
                .body("[1,2]")
                .post("/v1/chat/completions")
                .then()
                .statusCode(400);
    }

    @Test
    void unknownRouteIs404AndWrongMethodIs405() {
        api().get("/v1/nothing").then().statusCode(404);
        api().get("/v1/completions").then().statusCode(405);
        api().post("/v1/models").then().statusCode(405);
    }

    @Test
    void sameSeedSameTextAcrossServers() throws Exception {
        String body = "{\"prompt\":\"go\",\"max_tokens\":20,\"ignore_eos\":true}";
        String a;
        String b;
        try (RunningSimulator one = Simulator.start(SimulatorConfig.fast(), "127.0.0.1", 0);
                RunningSimulator two = Simulator.start(SimulatorConfig.fast(), "127.0.0.1", 0)) {
            a = given().baseUri(one.baseUrl())
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/v1/completions")
                    .then()
                    .extract()
                    .path("choices[0].text");
            b = given().baseUri(two.baseUrl())
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/v1/completions")
                    .then()
                    .extract()
                    .path("choices[0].text");
        }
        assertEquals(a, b);
        assertEquals(20, SimpleTokenizer.count(a));
    }
}
