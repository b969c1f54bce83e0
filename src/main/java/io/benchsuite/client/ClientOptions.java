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
 * @param connectTimeout time allowed to open a connection
 * @param keepGeneratedText whether records keep the generated text (memory grows with it)
 * @param tls which certificates an https base URL may present
 */
public record ClientOptions(URI baseUrl, String completionsPath, Optional<String> apiKey, int maxConcurrency,
        Duration requestTimeout, Duration connectTimeout, boolean keepGeneratedText, TlsTrust tls) {

    /**
     * The default request timeout: 30 minutes. Stated rather than inherited from an HTTP library (the
     * original tool silently cut every request at aiohttp's 300 s, which truncated long outputs on slow
     * servers and counted them as valid). A 1024-token output at 1 token/s still fits.
     */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(30);

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public ClientOptions {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1");
        }
        java.util.Objects.requireNonNull(tls, "tls");
    }

    /** Options trusting the JDK's default certificate authorities, as any plain client does. */
    public ClientOptions(URI baseUrl, String completionsPath, Optional<String> apiKey, int maxConcurrency,
            Duration requestTimeout, Duration connectTimeout, boolean keepGeneratedText) {
        this(baseUrl, completionsPath, apiKey, maxConcurrency, requestTimeout, connectTimeout, keepGeneratedText,
                TlsTrust.jdkDefault());
    }
}
