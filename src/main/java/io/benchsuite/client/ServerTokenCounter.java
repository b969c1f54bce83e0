package io.benchsuite.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.benchsuite.config.UsageException;
import io.benchsuite.tls.TlsFailures;
import io.benchsuite.tls.TlsTrust;
import io.benchsuite.workload.TokenCounter;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Counts tokens with the server's own tokenizer: {@code POST {base}{tokenize-endpoint}} with
 * {@code {model, prompt}}, answered with {@code {count, ...}}. Counts are cached, since fitting a prompt asks
 * about overlapping prefixes and the same prompts come back in later benchmarks of a pair.
 */
public final class ServerTokenCounter implements TokenCounter, AutoCloseable {

    /** Enough for every text of a few benchmarks' fitting; bounded because 4096-token prompts weigh ~16 kB each. */
    private static final int CACHE_ENTRIES = 8192;
    private static final long TIMEOUT_SECONDS = 30;

    private final URI uri;
    private final String model;
    private final TokenizeEndpoint endpoint;
    private final Map<String, Integer> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    public ServerTokenCounter(URI baseUrl, String tokenizeEndpoint, String model, Optional<String> apiKey,
            TlsTrust tls) {
        this.uri = URI.create(baseUrl + tokenizeEndpoint);
        this.model = model;
        QuarkusRestClientBuilder builder = tls.applyTo(QuarkusRestClientBuilder.newBuilder())
                .baseUri(uri)
                .connectTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .readTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        apiKey.ifPresent(key -> builder.register((ClientRequestFilter) ctx ->
                ctx.getHeaders().putSingle("Authorization", "Bearer " + key)));
        this.endpoint = builder.build(TokenizeEndpoint.class);
    }

    @Override
    public int count(String text) {
        synchronized (cache) {
            Integer known = cache.get(text);
            if (known != null) {
                return known;
            }
        }
        int count = ask(text);
        synchronized (cache) {
            cache.put(text, count);
        }
        return count;
    }

    private int ask(String text) {
        JsonNode answer;
        try {
            answer = endpoint.tokenize(new TokenizeEndpoint.TokenizeRequest(model, text));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (KeyRefusedException.refusesKey(status)) {
                throw new KeyRefusedException("POST " + uri, status);
            }
            if (status == 404) {
                throw new UsageException("the server has no tokenize endpoint at " + uri
                        + "; drop --exact-input-lengths or set --tokenize-endpoint");
            }
            throw new ServerUnavailableException("POST " + uri + " answered HTTP " + status
                    + " while counting prompt tokens for --exact-input-lengths", e);
        } catch (ProcessingException e) {
            throw new ServerUnavailableException("cannot count prompt tokens at " + uri + " ("
                    + TlsFailures.explain(e).orElseGet(() -> ServerApi.rootMessage(e)) + ")", e);
        }
        JsonNode count = answer == null ? null : answer.get("count");
        if (count == null || !count.canConvertToInt()) {
            throw new ServerUnavailableException("POST " + uri + " answered without an integer 'count'; "
                    + "is --tokenize-endpoint a vLLM-style tokenize endpoint?", null);
        }
        return count.asInt();
    }

    @Override
    public void close() {
        if (endpoint instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // nothing was kept from the client beyond its counts
            }
        }
    }
}
