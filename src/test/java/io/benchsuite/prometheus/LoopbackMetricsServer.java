package io.benchsuite.prometheus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real metrics endpoint on a loopback port whose answer the test changes while the poller runs: body,
 * status, delay, redirect and required token. It records when each request arrived and how many overlapped.
 */
final class LoopbackMetricsServer implements AutoCloseable {

    final AtomicReference<String> body = new AtomicReference<>("");
    final AtomicInteger status = new AtomicInteger(200);
    final AtomicInteger delayMillis = new AtomicInteger();
    final AtomicReference<String> contentType = new AtomicReference<>("text/plain; version=0.0.4; charset=utf-8");
    /** When set, /metrics answers 307 to /metrics/ as old vLLM servers did. */
    volatile boolean redirectToSlash;
    /** When set, /metrics/ answers 404 as llama.cpp, SGLang or TGI do, and only /metrics answers. */
    volatile boolean notFoundWithSlash;
    /** When set, a request without {@code Authorization: Bearer <token>} gets 401. */
    volatile String requiredToken;

    final List<Long> arrivalNanos = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "loopback-metrics-server");
        thread.setDaemon(true);
        return thread;
    });

    LoopbackMetricsServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metrics", this::handle);
        // Several handler threads, so that overlapping scrapes would really overlap here and be counted.
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        arrivalNanos.add(System.nanoTime());
        int overlapping = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(overlapping, Math::max);
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (redirectToSlash && path.equals("/metrics")) {
                exchange.getResponseHeaders().add("Location", "/metrics/");
                exchange.sendResponseHeaders(307, -1);
                return;
            }
            if (notFoundWithSlash && path.equals("/metrics/")) {
                send(exchange, 404, "{\"detail\":\"Not Found\"}");
                return;
            }
            String token = requiredToken;
            if (token != null
                    && !("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "{\"detail\":\"Unauthorized\"}");
                return;
            }
            sleep(delayMillis.get());
            send(exchange, status.get(), body.get());
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void send(HttpExchange exchange, int code, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType.get());
        exchange.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
