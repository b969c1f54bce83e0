package io.benchsuite.client;

import io.benchsuite.record.CompletionRequest;
import io.benchsuite.record.ErrorKind;
import io.benchsuite.record.RequestRecord;
import io.benchsuite.tls.TlsFailures;
import io.netty.buffer.ByteBuf;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends streaming completion requests and records each one as a {@link RequestRecord}.
 *
 * <p>Built on the Vert.x HTTP client rather than the MicroProfile REST client: the REST client hands over
 * SSE events after its own buffering and JSON binding, on threads of its choosing, so arrival times would
 * include that work; here each network read is timestamped with {@link System#nanoTime()} first thing on the
 * event loop, before any parsing, and thousands of streams share a few event-loop threads.
 *
 * <p>A request never throws: every failure (status, refused or reset connection, timeout, truncated stream,
 * error event, malformed chunk, cancellation) completes the future with a record saying what happened.
 */
public final class StreamingClient implements AutoCloseable {

    private final Vertx vertx;
    private final boolean ownsVertx;
    private final HttpClient http;
    private final ClientOptions options;
    private final String authorization;
    private final Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();
    /** For requests sent again: never reuses a connection, so the second try cannot meet a stale one. */
    private final HttpClient freshHttp;
    /** Connections that carried a request already: a failure on one of them may be a stale keep-alive. */
    private final Set<HttpConnection> knownConnections = ConcurrentHashMap.newKeySet();

    private final LongAdder resent = new LongAdder();

    public StreamingClient(Vertx vertx, ClientOptions options) {
        this(vertx, false, options);
    }

    /** A client with its own Vert.x instance, closed with the client. */
    public static StreamingClient standalone(ClientOptions options) {
        return new StreamingClient(Vertx.vertx(), true, options);
    }

    private StreamingClient(Vertx vertx, boolean ownsVertx, ClientOptions options) {
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
        this.options = options;
        this.authorization = options.apiKey().map(k -> "Bearer " + k).orElse(null);
        HttpClientOptions clientOptions = options.tls()
                .applyTo(new HttpClientOptions()
                        .setKeepAlive(true)
                        .setTcpNoDelay(true)
                        .setConnectTimeout((int) Math.min(
                                Integer.MAX_VALUE, options.connectTimeout().toMillis()))
                        // The TLS handshake queues behind the same burst of connections as the TCP connect does.
                        .setSslHandshakeTimeout(options.connectTimeout().toMillis())
                        .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS)
                        .setSsl("https".equals(options.baseUrl().getScheme())));
        // One HTTP/1.1 keep-alive connection per request in flight (streams cannot share one), and an
        // unbounded wait queue: the dispatcher already bounds what is in flight, so the queue never grows
        // past the concurrency and no request is refused by the client.
        this.http = vertx.createHttpClient(
                clientOptions,
                new PoolOptions().setHttp1MaxSize(options.maxConcurrency()).setMaxWaitQueueSize(-1));
        this.freshHttp = vertx.createHttpClient(
                new HttpClientOptions(clientOptions).setKeepAlive(false),
                new PoolOptions().setHttp1MaxSize(options.maxConcurrency()).setMaxWaitQueueSize(-1));
    }

    /** Sends one request now; the future completes on an event-loop thread, never exceptionally. */
    public CompletableFuture<RequestRecord> send(CompletionRequest request, byte[] body) {
        InFlight call = new InFlight(request, body);
        inFlight.add(call);
        call.result.whenComplete((r, e) -> inFlight.remove(call));
        call.timer = vertx.setTimer(
                options.requestTimeout().toMillis(),
                id -> call.fail(
                        ErrorKind.TIMEOUT,
                        "no complete response within the request timeout of "
                                + options.requestTimeout().toSeconds() + " s",
                        null));
        call.startNanos = System.nanoTime();
        attempt(call, http);
        return call.result;
    }

    /**
     * Sends the request on a connection of {@code client}. Events of an attempt that was given up (the stale
     * connection of a request sent again) are ignored, so they cannot end the request a second time.
     */
    private void attempt(InFlight call, HttpClient client) {
        int attempt = ++call.attempts;
        RequestOptions requestOptions = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(options.baseUrl() + options.completionsPath())
                .putHeader("Content-Type", "application/json")
                .putHeader("Accept", "text/event-stream");
        if (authorization != null) {
            requestOptions.putHeader("Authorization", authorization);
        }
        client.request(requestOptions).onComplete(ar -> {
            if (call.attempts != attempt) {
                return;
            }
            if (ar.failed()) {
                // A pooled connection that closed before the request could be put on it fails here with a
                // reset, not with a refused connect: the request never left, so it may go out again.
                call.reusedConnection = true;
                call.failWith(ar.cause(), attempt);
                return;
            }
            HttpClientRequest req = ar.result();
            call.httpRequest = req;
            if (call.finished.get()) { // timed out or cancelled while connecting
                req.reset();
                return;
            }
            call.reusedConnection = !knownConnections.add(req.connection());
            if (!call.reusedConnection) {
                HttpConnection connection = req.connection();
                connection.closeHandler(v -> knownConnections.remove(connection));
            }
            req.exceptionHandler(cause -> call.failWith(cause, attempt));
            req.response().onComplete(resp -> {
                if (call.attempts != attempt) {
                    return;
                }
                if (resp.failed()) {
                    call.failWith(resp.cause(), attempt);
                } else {
                    call.onResponse(resp.result());
                }
            });
            // Restart the clock once a connection is ready: waiting for a pooled connection is not
            // server time, and the pool is sized so that it does not happen. A request sent again starts
            // here too, and its intended start stays: the time lost shows as queue delay.
            call.startNanos = System.nanoTime();
            call.recorder = new StreamRecorder(call.request, call.startNanos, options.keepGeneratedText());
            req.end(Buffer.buffer(call.body));
        });
    }

    /** Requests sent again on a fresh connection because a kept-alive one had been closed by the server. */
    public long resentCount() {
        return resent.sum();
    }

    /** Stops every request in flight; each one completes with a CANCELLED record keeping what it measured. */
    public void cancelAll() {
        for (InFlight call : inFlight) {
            call.fail(ErrorKind.CANCELLED, "cancelled by the user", null);
        }
    }

    /** The event loops that read this client's streams, for the client's self-check to probe. */
    public Iterable<io.netty.util.concurrent.EventExecutor> eventLoops() {
        return vertx.nettyEventLoopGroup();
    }

    @Override
    public void close() {
        cancelAll();
        http.close().toCompletionStage().toCompletableFuture().join();
        freshHttp.close().toCompletionStage().toCompletableFuture().join();
        if (ownsVertx) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** The state of one request; methods run on the connection's event loop, except timeouts/cancel. */
    private final class InFlight {
        final CompletionRequest request;
        final byte[] body;
        final CompletableFuture<RequestRecord> result = new CompletableFuture<>();
        final AtomicBoolean finished = new AtomicBoolean();
        volatile HttpClientRequest httpRequest;
        volatile StreamRecorder recorder;
        volatile long startNanos;
        /** Attempts so far (1, or 2 once sent again); events of an earlier attempt are ignored. */
        volatile int attempts;

        volatile boolean reusedConnection;
        volatile boolean responded;
        long timer;

        InFlight(CompletionRequest request, byte[] body) {
            this.request = request;
            this.body = body;
        }

        void onResponse(HttpClientResponse response) {
            responded = true;
            int status = response.statusCode();
            if (status != 200) {
                retryAfterSeconds(response.getHeader("Retry-After")).ifPresent(recorder::retryAfter);
                response.body().onComplete(body -> {
                    String text = body.succeeded() ? body.result().toString(StandardCharsets.UTF_8) : "";
                    // A refused key is named as such: the server's own words ("Unauthorized") do not say which
                    // setting to look at.
                    fail(
                            ErrorKind.HTTP_STATUS,
                            "HTTP " + status + ": "
                                    + (KeyRefusedException.refusesKey(status)
                                            ? "the server refused the API key (api-key): "
                                            : "")
                                    + ErrorBodies.message(text, response.statusMessage()),
                            status);
                });
                return;
            }
            response.handler(buffer -> {
                long now = System.nanoTime(); // first: the arrival time must not include any parsing
                if (finished.get()) {
                    return;
                }
                // Read the chunk where it lies (Vert.x hands over a heap copy of the socket's bytes); only
                // a direct buffer, which this client does not get, is copied out first.
                ByteBuf bytes = buffer.getByteBuf();
                if (bytes.hasArray()) {
                    recorder.onBytes(
                            bytes.array(), bytes.arrayOffset() + bytes.readerIndex(), bytes.readableBytes(), now);
                } else {
                    recorder.onBytes(buffer.getBytes(), now);
                }
            });
            int attempt = attempts;
            response.exceptionHandler(cause -> failWith(cause, attempt));
            response.endHandler(v -> {
                long now = System.nanoTime();
                if (finished.compareAndSet(false, true)) {
                    vertx.cancelTimer(timer);
                    result.complete(recorder.onEnd(now));
                }
            });
        }

        /**
         * A request that failed on a reused connection before any byte of the answer arrived most likely met
         * a connection the server had closed after its previous answer (llama.cpp does so after every stream
         * although it announces keep-alive): the server never saw it, so it goes out again, once, on a fresh
         * connection, instead of being counted as a failure of the server.
         */
        void failWith(Throwable cause, int attempt) {
            if (attempt != attempts) {
                return;
            }
            ErrorKind kind = classify(cause);
            if (kind == ErrorKind.CONNECTION_RESET
                    && reusedConnection
                    && !responded
                    && attempts == 1
                    && !finished.get()) {
                resent.increment();
                HttpClientRequest stale = httpRequest;
                httpRequest = null;
                recorder = null;
                if (stale != null) {
                    stale.reset();
                }
                attempt(this, freshHttp);
                return;
            }
            fail(
                    kind,
                    describe(cause)
                            + (attempts > 1
                                    ? " (on the fresh connection of a request sent again after"
                                            + " its kept-alive connection was found closed)"
                                    : ""),
                    null);
        }

        void fail(ErrorKind kind, String message, Integer status) {
            long now = System.nanoTime();
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            vertx.cancelTimer(timer);
            HttpClientRequest req = httpRequest;
            if (req != null && kind != ErrorKind.HTTP_STATUS) {
                req.reset();
            }
            StreamRecorder r =
                    recorder != null ? recorder : new StreamRecorder(request, startNanos, options.keepGeneratedText());
            result.complete(r.onFailure(kind, message, status, Math.max(now, startNanos)));
        }
    }

    /** Retry-After in its delta-seconds form; an HTTP-date or a malformed value is ignored. */
    static java.util.OptionalInt retryAfterSeconds(String header) {
        if (header == null || !header.trim().matches("\\d{1,9}")) {
            return java.util.OptionalInt.empty();
        }
        return java.util.OptionalInt.of(Integer.parseInt(header.trim()));
    }

    static ErrorKind classify(Throwable cause) {
        if (cause instanceof ConnectException || cause instanceof io.netty.channel.ConnectTimeoutException) {
            return ErrorKind.CONNECTION_REFUSED;
        }
        if (cause instanceof TimeoutException || cause instanceof io.netty.handler.timeout.TimeoutException) {
            return ErrorKind.TIMEOUT;
        }
        if (cause instanceof io.vertx.core.VertxException || cause instanceof java.io.IOException) {
            return ErrorKind.CONNECTION_RESET;
        }
        return ErrorKind.OTHER;
    }

    static String describe(Throwable cause) {
        Optional<String> tls = TlsFailures.explain(cause);
        if (tls.isPresent()) {
            return tls.get();
        }
        String text = oneLine(cause);
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // Netty reports a refused socket as "Failed to open a socket" and hides why in its cause.
        if (root != cause && root.getMessage() != null && !text.contains(root.getMessage())) {
            text += " (" + oneLine(root) + ")";
        }
        if (text.contains("Too many open files")) {
            return "too many open files: the process's limit of open sockets is reached; raise it with ulimit -n"
                    + " (see docs/load.md): " + text;
        }
        return text;
    }

    private static String oneLine(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
