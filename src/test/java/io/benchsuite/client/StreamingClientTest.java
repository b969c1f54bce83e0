package io.benchsuite.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.config.Backend;
import io.benchsuite.record.CompletionRequest;
import io.benchsuite.record.ErrorKind;
import io.benchsuite.record.Outcome;
import io.benchsuite.record.RequestRecord;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client against a real HTTP server on loopback that plays one scripted scenario per prompt, so every
 * error class crosses a real socket. (The simulator's fault flags test the same against a vLLM look-alike.)
 */
class StreamingClientTest {

    private static Vertx vertx;
    private static HttpServer server;
    private static StreamingClient client;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer()
                .requestHandler(req -> req.body().onSuccess(body -> {
                    String scenario = new JsonObject(body).getString("prompt");
                    play(scenario, req.response());
                }))
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        client = new StreamingClient(
                vertx,
                new ClientOptions(
                        URI.create("http://127.0.0.1:" + server.actualPort()),
                        "/v1/completions",
                        Optional.of("secret-key"),
                        8,
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(5),
                        true));
    }

    @AfterAll
    static void stop() {
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private static String chunk(String text, Integer promptTokens, Integer completionTokens) {
        String usage = completionTokens == null
                ? "null"
                : "{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":" + completionTokens
                        + ",\"total_tokens\":" + (promptTokens + completionTokens) + "}";
        return "data: {\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"created\":1,\"model\":\"m\",\"choices\":"
                + "[{\"index\":0,\"text\":\"" + text + "\",\"logprobs\":null,\"finish_reason\":null}],\"usage\":"
                + usage
                + "}\n\n";
    }

    private static void sseHead(HttpServerResponse resp) {
        resp.setChunked(true).putHeader("Content-Type", "text/event-stream");
    }

    /** Writes the given SSE pieces 20 ms apart, then runs the ending. */
    private static void writeSpaced(HttpServerResponse resp, String[] pieces, int index, Runnable ending) {
        if (index == pieces.length) {
            ending.run();
            return;
        }
        resp.write(pieces[index]);
        vertx.setTimer(20, id -> writeSpaced(resp, pieces, index + 1, ending));
    }

    private static void play(String scenario, HttpServerResponse resp) {
        switch (scenario) {
            case "ok-usage" -> {
                sseHead(resp);
                writeSpaced(
                        resp,
                        new String[] {
                            chunk(" a", 7, 1),
                            chunk(" b", 7, 2),
                            chunk(" c", 7, 3),
                            "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":3,\"total_tokens\":10}}\n\n"
                        },
                        0,
                        () -> resp.end("data: [DONE]\n\n"));
            }
            case "ok-merged" -> {
                sseHead(resp);
                writeSpaced(
                        resp,
                        new String[] {chunk(" a b", 5, 2), chunk(" c d e", 5, 5)},
                        0,
                        () -> resp.end("data: [DONE]\n\n"));
            }
            case "ok-nousage" -> {
                sseHead(resp);
                writeSpaced(
                        resp,
                        new String[] {chunk(" a", null, null), chunk("", null, null), chunk(" b", null, null)},
                        0,
                        () -> resp.end("data: [DONE]\n\n"));
            }
            case "status404" ->
                resp.setStatusCode(404)
                        .putHeader("Content-Type", "application/json")
                        .end(
                                "{\"object\":\"error\",\"message\":\"The model `x` does not exist.\",\"type\":\"NotFoundError\","
                                        + "\"param\":null,\"code\":404}");
            case "truncated" -> {
                sseHead(resp);
                writeSpaced(resp, new String[] {chunk(" a", 3, 1), chunk(" b", 3, 2)}, 0, resp::end);
            }
            case "error-event" -> {
                sseHead(resp);
                writeSpaced(
                        resp,
                        new String[] {
                            chunk(" a", 3, 1),
                            "data: {\"error\":{\"object\":\"error\",\"message\":\"engine died\",\"code\":500}}\n\n"
                        },
                        0,
                        () -> resp.end("data: [DONE]\n\n"));
            }
            case "malformed" -> {
                sseHead(resp);
                writeSpaced(
                        resp,
                        new String[] {chunk(" a", 3, 1), "data: {\"choices\":[{\"te\n\n"},
                        0,
                        () -> resp.end("data: [DONE]\n\n"));
            }
            case "stall" -> {
                sseHead(resp);
                resp.write(chunk(" a", 3, 1)); // then nothing: the client's timeout must fire
            }
            case "reset" -> {
                sseHead(resp);
                writeSpaced(resp, new String[] {chunk(" a", 3, 1)}, 0, () -> resp.reset());
            }
            case "auth" -> resp.setStatusCode(200).end();
            default -> resp.setStatusCode(500).end("unknown scenario " + scenario);
        }
    }

    private static RequestRecord send(String scenario, int outputTokens) throws Exception {
        long intended = System.nanoTime();
        CompletionRequest request = new CompletionRequest(1, scenario, outputTokens, intended);
        return client.send(request, RequestBodies.completion(Backend.VLLM, "m", scenario, outputTokens))
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void successWithContinuousUsageCountsServerTokensAndTimestampsEachChunk() throws Exception {
        RequestRecord r = send("ok-usage", 3);
        assertEquals(Outcome.SUCCESS, r.outcome());
        assertEquals(ErrorKind.NONE, r.errorKind());
        assertEquals(7, r.promptTokens());
        assertEquals(3, r.completionTokens());
        assertArrayEquals(new int[] {1, 1, 1}, r.chunkTokens());
        long[] t = r.chunkNanos();
        assertTrue(t[0] > r.startNanos() && t[1] > t[0] && t[2] > t[1] && r.endNanos() >= t[2]);
        // The server spaces chunks 20 ms apart; arrival stamps must show it (loose: shared CI machine).
        double gapMs = (t[1] - t[0]) / 1e6;
        assertTrue(gapMs > 15 && gapMs < 200, "gap " + gapMs);
        assertEquals(" a b c", r.generatedText());
        assertEquals(200, r.httpStatus());
    }

    @Test
    void chunksMergingSeveralTokensAreCountedFromUsage() throws Exception {
        RequestRecord r = send("ok-merged", 5);
        assertEquals(Outcome.SUCCESS, r.outcome());
        assertArrayEquals(new int[] {2, 3}, r.chunkTokens());
        assertEquals(5, r.completionTokens());
    }

    @Test
    void withoutUsageEachNonEmptyChunkIsOneToken() throws Exception {
        RequestRecord r = send("ok-nousage", 2);
        assertEquals(Outcome.SUCCESS, r.outcome());
        assertArrayEquals(new int[] {1, 1}, r.chunkTokens());
        assertEquals(RequestRecord.NOT_REPORTED, r.completionTokens());
    }

    @Test
    void httpErrorKeepsStatusAndServerMessage() throws Exception {
        RequestRecord r = send("status404", 3);
        assertEquals(ErrorKind.HTTP_STATUS, r.errorKind());
        assertEquals(404, r.httpStatus());
        assertTrue(r.errorMessage().contains("does not exist"), r.errorMessage());
    }

    @Test
    void streamWithoutDoneIsTruncatedAndKeepsItsTokens() throws Exception {
        RequestRecord r = send("truncated", 3);
        assertEquals(ErrorKind.STREAM_TRUNCATED, r.errorKind());
        assertEquals(2, r.chunkCount());
    }

    @Test
    void errorEventInsideTheStream() throws Exception {
        RequestRecord r = send("error-event", 3);
        assertEquals(ErrorKind.STREAM_ERROR_EVENT, r.errorKind());
        assertEquals("engine died", r.errorMessage());
    }

    @Test
    void malformedChunk() throws Exception {
        RequestRecord r = send("malformed", 3);
        assertEquals(ErrorKind.MALFORMED_CHUNK, r.errorKind());
    }

    @Test
    void stalledStreamTimesOutKeepingWhatArrived() throws Exception {
        RequestRecord r;
        try (StreamingClient shortTimeout = new StreamingClient(
                vertx,
                new ClientOptions(
                        URI.create("http://127.0.0.1:" + server.actualPort()),
                        "/v1/completions",
                        Optional.empty(),
                        1,
                        Duration.ofMillis(800),
                        Duration.ofSeconds(5),
                        false))) {
            r = shortTimeout
                    .send(
                            new CompletionRequest(2, "stall", 3, System.nanoTime()),
                            RequestBodies.completion(Backend.VLLM, "m", "stall", 3))
                    .get(10, TimeUnit.SECONDS);
        }
        assertEquals(ErrorKind.TIMEOUT, r.errorKind());
        assertEquals(Outcome.TIMEOUT, r.outcome());
        assertEquals(1, r.chunkCount());
        double seconds = (r.endNanos() - r.startNanos()) / 1e9;
        assertTrue(seconds >= 0.75 && seconds < 5, "timeout after " + seconds + " s");
    }

    @Test
    void connectionResetMidStream() throws Exception {
        RequestRecord r = send("reset", 3);
        assertTrue(
                r.errorKind() == ErrorKind.CONNECTION_RESET || r.errorKind() == ErrorKind.STREAM_TRUNCATED,
                r.toString());
        assertEquals(1, r.chunkCount());
    }

    @Test
    void connectionRefused() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (StreamingClient refused = new StreamingClient(
                vertx,
                new ClientOptions(
                        URI.create("http://127.0.0.1:" + closedPort),
                        "/v1/completions",
                        Optional.empty(),
                        1,
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(2),
                        false))) {
            RequestRecord r = refused.send(new CompletionRequest(3, "x", 1, System.nanoTime()), new byte[0])
                    .get(10, TimeUnit.SECONDS);
            assertEquals(ErrorKind.CONNECTION_REFUSED, r.errorKind());
            assertNull(r.generatedText());
        }
    }

    @Test
    void cancelAllEndsInFlightRequestsWithCancelled() throws Exception {
        CompletableFuture<RequestRecord> pending = client.send(
                new CompletionRequest(9, "stall", 3, System.nanoTime()),
                RequestBodies.completion(Backend.VLLM, "m", "stall", 3));
        Thread.sleep(150);
        client.cancelAll();
        RequestRecord r = pending.get(5, TimeUnit.SECONDS);
        assertEquals(ErrorKind.CANCELLED, r.errorKind());
        assertEquals(1, r.chunkCount(), "what arrived before the cancel is kept");
    }
}
