package io.benchsuite.selfmetrics;

import io.benchsuite.config.UsageException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A Vert.x HTTP server with one route, {@code GET /q/metrics}, answering the Prometheus text scrape. The
 * application's own HTTP server is off in a CLI run and cannot be switched on after boot, hence this one,
 * open only while a run asked for it.
 */
public final class MetricsHttpServer implements AutoCloseable {

    public static final String PATH = "/q/metrics";
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final long START_STOP_TIMEOUT_SECONDS = 10;

    private final HttpServer server;

    private MetricsHttpServer(HttpServer server) {
        this.server = server;
    }

    /** Listens on every interface (a pod's port must be reachable by Prometheus); port 0 picks a free one. */
    public static MetricsHttpServer start(Vertx vertx, String host, int port, Supplier<String> scrape) {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> answer(vertx, request, scrape));
        try {
            server.listen(port, host)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(START_STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new UsageException(
                    "--metrics-port " + port + ": cannot listen on " + host + ":" + port + " ("
                            + e.getCause().getMessage() + "); choose a free port",
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the metrics port", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "the metrics port " + port + " did not open within " + START_STOP_TIMEOUT_SECONDS + " s", e);
        }
        return new MetricsHttpServer(server);
    }

    public int port() {
        return server.actualPort();
    }

    private static void answer(Vertx vertx, HttpServerRequest request, Supplier<String> scrape) {
        if (!PATH.equals(request.path())) {
            request.response().setStatusCode(404).end("only " + PATH + " is served here\n");
            return;
        }
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            request.response()
                    .setStatusCode(405)
                    .putHeader("Allow", "GET, HEAD")
                    .end();
            return;
        }
        // A scrape walks every histogram bucket: done off the event loop, which also serves the benchmark's client.
        vertx.executeBlocking(scrape::get, false).onComplete(result -> {
            if (result.succeeded()) {
                request.response().putHeader("Content-Type", CONTENT_TYPE).end(result.result());
            } else {
                request.response().setStatusCode(500).end("scrape failed: " + result.cause() + "\n");
            }
        });
    }

    @Override
    public void close() {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(START_STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // The run is over either way; a port left half-closed is released with the process.
        }
    }
}
