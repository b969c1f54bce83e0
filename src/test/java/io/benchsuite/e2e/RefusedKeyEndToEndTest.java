package io.benchsuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that refuses the key, through the real command line: the message says the key was refused, where
 * it came from and how to set it, never the key, and the model is not blamed. The server is a loopback HTTP
 * server that answers as vLLM started with --api-key does (401 {"error": "Unauthorized"}) under /vllm, and as
 * a gateway that lists models to anyone but forbids completions (403) under /gateway.
 */
@QuarkusMainTest
class RefusedKeyEndToEndTest {

    private static final String WRONG_KEY = "sk-placeholder-Zq8w3Lk-change-me";
    private static HttpServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", RefusedKeyEndToEndTest::answer);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/gateway/v1/models")) {
                send(exchange, 200, "{\"object\":\"list\",\"data\":[{\"id\":\"m\",\"object\":\"model\"}]}");
            } else if (path.startsWith("/gateway/")) {
                send(exchange, 403, "{\"error\":{\"message\":\"Forbidden\"}}");
            } else {
                send(exchange, 401, "{\"error\":\"Unauthorized\"}");
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String url(String prefix) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
    }

    private LaunchResult run(QuarkusMainLauncher launcher, String baseUrl, String... keyArguments) {
        return launcher.launch(CliArgs.run(baseUrl)
                .with("--backend", "vllm")
                .outputLength(4)
                .outputFile(dir.resolve("never.json"))
                .with(keyArguments)
                .build());
    }

    private void assertOneLineUsageError(LaunchResult result) {
        String err = result.getErrorOutput().strip();
        assertEquals(2, result.exitCode(), err);
        assertEquals(1, err.lines().count(), err);
        assertFalse(err.contains(WRONG_KEY), "the key is never printed: " + err);
        assertFalse(err.contains("--model"), "the model is not blamed: " + err);
        assertTrue(
                err.contains("give the right key with --api-key, BENCH_API_KEY or API_KEY, or a file holding it "
                        + "with --api-key-file, BENCH_API_KEY_FILE or API_KEY_FILE"),
                err);
        assertFalse(Files.exists(dir.resolve("never.json")));
    }

    @Test
    void aKeyFromAFileRefusedBySetUpCallsSaysSo(QuarkusMainLauncher launcher) throws IOException {
        Path keyFile = Files.writeString(dir.resolve("api-key"), WRONG_KEY + "\n");
        LaunchResult result = run(launcher, url("/vllm"), "--api-key-file", keyFile.toString());
        assertOneLineUsageError(result);
        assertTrue(
                result.getErrorOutput()
                        .contains("GET " + url("/vllm") + "/v1/models answered HTTP 401: the "
                                + "server refused the API key read from the file " + keyFile + " (--api-key-file)"),
                result.getErrorOutput());
    }

    @Test
    void aKeyFromTheOptionRefusedSaysSo(QuarkusMainLauncher launcher) {
        LaunchResult result = run(launcher, url("/vllm"), "--api-key", WRONG_KEY);
        assertOneLineUsageError(result);
        assertTrue(
                result.getErrorOutput().contains("the server refused the API key given with --api-key;"),
                result.getErrorOutput());
    }

    @Test
    void noKeyAtAllSaysNoneIsSet(QuarkusMainLauncher launcher) {
        LaunchResult result = run(launcher, url("/vllm"));
        assertOneLineUsageError(result);
        assertTrue(
                result.getErrorOutput()
                        .contains("the server refused the request without an API key (none is " + "set)"),
                result.getErrorOutput());
    }

    @Test
    void aCompletionForbiddenAfterTheModelListSaysTheKeyWasRefused(QuarkusMainLauncher launcher) {
        LaunchResult result = run(launcher, url("/gateway"), "--api-key", WRONG_KEY);
        assertOneLineUsageError(result);
        assertTrue(
                result.getErrorOutput()
                        .contains("POST " + url("/gateway") + "/v1/completions answered HTTP 403: "
                                + "the server refused the API key given with --api-key"),
                result.getErrorOutput());
    }
}
