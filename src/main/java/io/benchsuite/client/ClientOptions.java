package io.benchsuite.client;

import io.benchsuite.tls.TlsTrust;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How the streaming client connects.
 *
 * @param baseUrl server root, without trailing slash
 * @param completionsPath path of the completions endpoint
 * @param apiKey sent as {@code Authorization: Bearer} when present
 * @param maxConcurrency the most requests ever in flight; sizes the connection pool so no request waits
 *                       for a connection inside the client
 * @param requestTimeout total time allowed to one request, from send to the last byte
 * @param connectTimeout time allowed to open a connection, TLS handshake included; size it with
 *                       {@link #connectTimeoutFor(int)}
 * @param keepGeneratedText whether records keep the generated text (memory grows with it)
 * @param tls which certificates an https base URL may present
 */
public record ClientOptions(
        URI baseUrl,
        String completionsPath,
        Optional<String> apiKey,
        int maxConcurrency,
        Duration requestTimeout,
        Duration connectTimeout,
        boolean keepGeneratedText,
        TlsTrust tls) {

    /**
     * The default request timeout: 30 minutes. Stated rather than inherited from an HTTP library (the
     * original tool silently cut every request at aiohttp's 300 s, which truncated long outputs on slow
     * servers and counted them as valid). A 1024-token output at 1 token/s still fits.
     */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(30);

    /** Time allowed to open one connection (TCP, then TLS) when few are opened at once. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Added to the connect timeout for each connection the run may open at the same moment. */
    static final Duration CONNECT_TIME_PER_CONNECTION = Duration.ofMillis(10);

    /**
     * The connect timeout for a run of up to {@code maxConcurrency} requests in flight. A constant-concurrency
     * or burst profile opens all its connections in the same instant, and the server accepts them one after
     * the other (one acceptor thread, then a TLS handshake each on a few event loops, slower still on a busy
     * single-process Python server); a connection whose SYN finds the accept queue full is only retried by
     * the kernel after 1 s, then 3 s, 7 s. A fixed 10 s is ample for one connection but the last of 2000 can
     * legitimately wait longer, so each connection adds its share: 10 s + 10 ms x concurrency (30 s at 2000).
     * The cost of a large value is only a slower verdict on an unreachable (black-holed) server; a refused
     * connection still fails at once.
     */
    public static Duration connectTimeoutFor(int maxConcurrency) {
        return DEFAULT_CONNECT_TIMEOUT.plus(CONNECT_TIME_PER_CONNECTION.multipliedBy(Math.max(1, maxConcurrency)));
    }

    public ClientOptions {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1");
        }
        java.util.Objects.requireNonNull(tls, "tls");
    }

    /** Options trusting the JDK's default certificate authorities, as any plain client does. */
    public ClientOptions(
            URI baseUrl,
            String completionsPath,
            Optional<String> apiKey,
            int maxConcurrency,
            Duration requestTimeout,
            Duration connectTimeout,
            boolean keepGeneratedText) {
        this(
                baseUrl,
                completionsPath,
                apiKey,
                maxConcurrency,
                requestTimeout,
                connectTimeout,
                keepGeneratedText,
                TlsTrust.jdkDefault());
    }
}
