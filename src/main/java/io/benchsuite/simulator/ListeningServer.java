package io.benchsuite.simulator;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The simulator's listening socket, which can go away and come back on the same port as a restarting server
 * does: while down, connecting is refused and the connections that were open are closed.
 */
final class ListeningServer {

    private static final Logger LOG = Logger.getLogger(ListeningServer.class);
    /** When the port cannot be taken back at once (another process grabbed it), try again this often. */
    private static final long RELISTEN_RETRY_MS = 100;

    private final Vertx vertx;
    private final HttpServerOptions options;
    private final Handler<HttpServerRequest> handler;
    private final String host;
    private HttpServer server;
    private int port;
    private boolean closed;
    private long timer = -1;
    private Optional<RestartCycle> cycle = Optional.empty();

    ListeningServer(Vertx vertx, HttpServerOptions options, Handler<HttpServerRequest> handler, String host) {
        this.vertx = vertx;
        this.options = options;
        this.handler = handler;
        this.host = host;
    }

    /** Listens for the first time; the future fails when the port cannot be taken. */
    Future<Integer> listen(int requestedPort) {
        HttpServer first = vertx.createHttpServer(options).requestHandler(handler);
        return first.listen(requestedPort, host).map(s -> {
            synchronized (this) {
                server = s;
                port = s.actualPort();
                return port;
            }
        });
    }

    synchronized int port() {
        return port;
    }

    synchronized boolean isUp() {
        return server != null;
    }

    /** Goes down and up again forever: up for {@code cycle.up()}, down for {@code cycle.down()}. */
    synchronized void restartEvery(RestartCycle restartCycle) {
        cycle = Optional.of(restartCycle);
        scheduleNextRestart();
    }

    private void scheduleNextRestart() {
        cycle.ifPresent(c -> timer = vertx.setTimer(Math.max(1, c.up().toMillis()), id -> goDown(c.down())));
    }

    /**
     * Closes the listening socket and every open connection, and listens again after {@code down}. The future
     * completes once the socket is closed. Asking while already down changes nothing.
     */
    synchronized Future<Void> goDown(Duration down) {
        if (closed || server == null) {
            return Future.succeededFuture();
        }
        HttpServer current = server;
        server = null;
        LOG.infof("simulated restart: not listening on port %d for %d ms", port, down.toMillis());
        Promise<Void> socketClosed = Promise.promise();
        current.close().onComplete(ar -> {
            synchronized (this) {
                if (!closed) {
                    timer = vertx.setTimer(Math.max(1, down.toMillis()), id -> relisten());
                }
            }
            socketClosed.complete();
        });
        return socketClosed.future();
    }

    private synchronized void relisten() {
        if (closed) {
            return;
        }
        vertx.createHttpServer(options)
                .requestHandler(handler)
                .listen(port, host)
                .onComplete(ar -> {
                    synchronized (this) {
                        if (ar.failed()) {
                            LOG.warnf(
                                    "simulated restart: port %d not free yet (%s), trying again",
                                    port, ar.cause().getMessage());
                            if (!closed) {
                                timer = vertx.setTimer(RELISTEN_RETRY_MS, id -> relisten());
                            }
                            return;
                        }
                        if (closed) {
                            ar.result().close();
                            return;
                        }
                        server = ar.result();
                        LOG.infof("simulated restart: listening on port %d again", port);
                        scheduleNextRestart();
                    }
                });
    }

    /** Stops for good: no re-listen is pending afterwards. */
    Future<Void> close() {
        HttpServer current;
        synchronized (this) {
            closed = true;
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
            current = server;
            server = null;
        }
        return current == null ? Future.succeededFuture() : current.close();
    }
}
