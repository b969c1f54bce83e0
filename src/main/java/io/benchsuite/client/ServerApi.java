package io.benchsuite.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.benchsuite.tls.TlsFailures;
import io.benchsuite.tls.TlsTrust;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The set-up calls a benchmark makes before sending load (model, versions, launch arguments), through
 * MicroProfile REST clients. Failures are turned into messages that say what was called and what to check.
 */
public final class ServerApi {

    private static final long CONNECT_TIMEOUT_SECONDS = 10;
    /** Set-up endpoints answer at once; a server still loading its model is told apart from a hung one. */
    private static final long READ_TIMEOUT_SECONDS = 60;

    private final URI baseUrl;
    private final Optional<String> apiKey;
    private final TlsTrust tls;

    /** A client trusting the JDK's default certificate authorities. */
    public ServerApi(URI baseUrl, Optional<String> apiKey) {
        this(baseUrl, apiKey, TlsTrust.jdkDefault());
    }

    public ServerApi(URI baseUrl, Optional<String> apiKey, TlsTrust tls) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.tls = tls;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** GETs a JSON endpoint; an HTTP error is returned as a status, a network failure is thrown. */
    public Response get(String path) {
        URI uri = URI.create(baseUrl + path);
        QuarkusRestClientBuilder builder = tls.applyTo(QuarkusRestClientBuilder.newBuilder())
                .baseUri(uri)
                .connectTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .readTimeout(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        apiKey.ifPresent(key -> builder.register(
                (ClientRequestFilter) ctx -> ctx.getHeaders().putSingle("Authorization", "Bearer " + key)));
        JsonEndpoint endpoint = builder.build(JsonEndpoint.class);
        try {
            return new Response(200, endpoint.get());
        } catch (WebApplicationException e) {
            return new Response(e.getResponse().getStatus(), null);
        } catch (ProcessingException e) {
            Optional<String> tlsProblem = TlsFailures.explain(e);
            if (tlsProblem.isPresent()) {
                throw new ServerUnavailableException("cannot connect to " + uri + ": " + tlsProblem.get(), e);
            }
            String root = rootMessage(e);
            throw new ServerUnavailableException("cannot connect to " + uri + " (" + root + "); " + hint(uri, root), e);
        } finally {
            if (endpoint instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // closing a client that failed to connect may fail too; nothing to keep from it
                }
            }
        }
    }

    /**
     * What to check after a failed connection. An HTTPS server that receives plain HTTP drops the connection
     * without an answer (the Vert.x client then reports "Connection was closed"), which reads like a server
     * that is down; with an http:// URL that is the likelier cause, so it is named first.
     *
     * @param uri  the URL that was called
     * @param root the message of the failure's root cause
     */
    static String hint(URI uri, String root) {
        if ("http".equalsIgnoreCase(uri.getScheme()) && root.contains("Connection was closed")) {
            return "the server closed the connection without answering; if it speaks HTTPS, use https:// in"
                    + " --base-url";
        }
        return "check that the server runs and that --base-url (or --host/--port) points to it";
    }

    /** An answer of a set-up endpoint: the status, and the JSON body when it was 200. */
    public record Response(int status, JsonNode body) {
        public boolean ok() {
            return status == 200 && body != null;
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
