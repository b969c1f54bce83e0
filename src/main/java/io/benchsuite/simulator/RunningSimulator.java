package io.benchsuite.simulator;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A listening simulator; {@link #close()} stops the server, the engines, and the Vert.x it created. */
public final class RunningSimulator implements AutoCloseable {

    private final SimulatorConfig config;
    private final String host;
    private final boolean https;
    private final ListeningServer server;
    private final GenerationService engines;
    private final Vertx ownedVertx;

    RunningSimulator(
            SimulatorConfig config,
            String host,
            boolean https,
            ListeningServer server,
            GenerationService engines,
            Vertx ownedVertx) {
        this.config = config;
        this.host = host;
        this.https = https;
        this.server = server;
        this.engines = engines;
        this.ownedVertx = ownedVertx;
    }

    public SimulatorConfig config() {
        return config;
    }

    /** The port it listens on, the same after a simulated restart. */
    public int port() {
        return server.port();
    }

    /** False during a simulated restart. */
    public boolean isListening() {
        return server.isUp();
    }

    /**
     * A simulated restart: returns once the listening socket and every open connection are closed; the
     * server listens again on the same port after {@code down}.
     */
    public void restart(Duration down) {
        try {
            server.goDown(down).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the simulator did not stop listening", e);
        }
    }

    /**
     * The most requests the simulator held at once since it started, running plus waiting, summed over its
     * engines: what a test of several clients loading one server together checks against their total.
     */
    public int peakRequests() {
        return engines.metrics().stream()
                .mapToInt(EngineMetrics.Snapshot::peakRequests)
                .sum();
    }

    /** {@code http://host:port} ({@code https} when serving TLS), with brackets around an IPv6 literal. */
    public String baseUrl() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return (https ? "https://" : "http://") + shownHost + ":" + port();
    }

    @Override
    public void close() {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing is best effort: the engines and Vert.x below are stopped regardless
        } finally {
            engines.close();
            if (ownedVertx != null) {
                ownedVertx.close();
            }
        }
    }
}
