package io.benchsuite.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.concurrent.TimeUnit;

/** A listening simulator; {@link #close()} stops the server, the engines, and the Vert.x it created. */
public final class RunningSimulator implements AutoCloseable {

    private final SimulatorConfig config;
    private final String host;
    private final HttpServer server;
    private final GenerationService engines;
    private final Vertx ownedVertx;

    RunningSimulator(SimulatorConfig config, String host, HttpServer server, GenerationService engines,
            Vertx ownedVertx) {
        this.config = config;
        this.host = host;
        this.server = server;
        this.engines = engines;
        this.ownedVertx = ownedVertx;
    }

    public SimulatorConfig config() {
        return config;
    }

    public int port() {
        return server.actualPort();
    }

    /** {@code http://host:port}, with brackets around an IPv6 literal. */
    public String baseUrl() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shownHost + ":" + port();
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
