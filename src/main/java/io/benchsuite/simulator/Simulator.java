package io.benchsuite.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.metrics.MetricsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts the simulated vLLM / happy_vllm server in-process: {@code Simulator.start(SimulatorConfig.fast(),
 * "127.0.0.1", 0)} returns once it listens; close the result to stop it.
 */
public final class Simulator {

    /**
     * Connections the kernel may hold for the server before it accepts them. A benchmark opens all its
     * connections at once (thousands for a load test); a SYN that finds the queue full is dropped and retried by
     * the client's kernel only a second later. Stated rather than left to Netty, whose default falls back to 128
     * where it cannot read the system's value; the kernel still caps it at {@code net.core.somaxconn}.
     */
    static final int ACCEPT_BACKLOG = 4096;

    private Simulator() {}

    public static RunningSimulator start(SimulatorConfig config, String host, int port) {
        return start(config, host, port, FaultPolicy.NONE);
    }

    public static RunningSimulator start(SimulatorConfig config, String host, int port, FaultPolicy faults) {
        return start(config, host, port, faults, Optional.empty());
    }

    /**
     * Starts on a Vert.x instance of its own (one event loop is plenty), closed with the simulator; over HTTPS
     * when {@code tls} is given.
     */
    public static RunningSimulator start(
            SimulatorConfig config, String host, int port, FaultPolicy faults, Optional<ServerTls> tls) {
        // Metrics off: inside a Quarkus application the Micrometer extension would otherwise try to register
        // this second Vert.x's gauges under names the application's own Vert.x already holds.
        Vertx vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(1)
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1)
                .setMetricsOptions(new MetricsOptions().setEnabled(false)));
        try {
            return start(vertx, true, config, host, port, faults, tls);
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
    }

    /** Starts on the caller's Vert.x, which stays open when the simulator closes. */
    public static RunningSimulator start(
            Vertx vertx, SimulatorConfig config, String host, int port, FaultPolicy faults) {
        return start(vertx, config, host, port, faults, Optional.empty());
    }

    /** Starts on the caller's Vert.x, over HTTPS when {@code tls} is given. */
    public static RunningSimulator start(
            Vertx vertx, SimulatorConfig config, String host, int port, FaultPolicy faults, Optional<ServerTls> tls) {
        return start(vertx, false, config, host, port, faults, tls);
    }

    /**
     * @throws UncheckedIOException when the server cannot listen (its cause is a {@link java.net.BindException}
     *                              when the port is taken)
     */
    private static RunningSimulator start(
            Vertx vertx,
            boolean ownsVertx,
            SimulatorConfig config,
            String host,
            int port,
            FaultPolicy faults,
            Optional<ServerTls> tls) {
        GenerationService engines = DataParallelEngines.create(config);
        SimulatorRoutes routes = new SimulatorRoutes(config, engines, faults);
        HttpServerOptions options = new HttpServerOptions()
                .setTcpNoDelay(true) // each token chunk must leave at once, not wait for Nagle
                .setCompressionSupported(false)
                .setAcceptBacklog(ACCEPT_BACKLOG)
                .setIdleTimeout(0);
        ListeningServer server =
                new ListeningServer(vertx, tls.map(t -> t.applyTo(options)).orElse(options), routes, host);
        int actualPort;
        try {
            actualPort = server.listen(port)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            engines.close();
            Throwable cause = e.getCause();
            throw new UncheckedIOException(
                    "cannot listen on " + host + ":" + port + ": " + cause.getMessage(),
                    cause instanceof IOException io ? io : new IOException(cause));
        } catch (InterruptedException | TimeoutException e) {
            engines.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new UncheckedIOException(new IOException("the simulator did not start listening", e));
        }
        routes.boundTo(host, actualPort, server);
        faults.restartCycle().ifPresent(server::restartEvery);
        return new RunningSimulator(config, host, tls.isPresent(), server, engines, ownsVertx ? vertx : null);
    }
}
