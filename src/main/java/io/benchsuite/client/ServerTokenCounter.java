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
 * Counts tokens with the server's own tokenizer: {@code POST {base}{tokenize-endpoint}} in one of two shapes,
 * {@link Shape#VLLM} ({@code {model, prompt}} answered with {@code {count, ...}}) or {@link Shape#LLAMACPP}
 * ({@code {content}} answered with {@code {tokens: [...]}}). vLLM's shape is tried first; llama.cpp answers
 * it with {@code {"tokens": []}}, so an empty answer for a non-empty text means "try the other shape", and
 * the shape that worked is kept for every later count. Counts are cached, since fitting a prompt asks about
 * overlapping prefixes and the same prompts come back in later benchmarks of a pair.
 */
public final class ServerTokenCounter implements TokenCounter, AutoCloseable {

    /** Enough for every text of a few benchmarks' fitting; bounded because 4096-token prompts weigh ~16 kB each. */
    private static final int CACHE_ENTRIES = 8192;

    private static final long TIMEOUT_SECONDS = 30;

    private final URI uri;
    private final String model;
    private final TokenizeEndpoint endpoint;
    private volatile Shape shape;

    /** The request and answer shapes of a tokenize endpoint, by the server that defined them. */
    public enum Shape {
        VLLM("vllm"),
        LLAMACPP("llamacpp");

        private final String id;

        Shape(String id) {
            this.id = id;
        }

        /** As written in a raw result's parameters ({@code tokenize_shape}). */
        public String id() {
            return id;
        }
    }

    private final Map<String, Integer> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    public ServerTokenCounter(
            URI baseUrl, String tokenizeEndpoint, String model, Optional<String> apiKey, TlsTrust tls) {
        this.uri = URI.create(baseUrl + tokenizeEndpoint);
        this.model = model;
        QuarkusRestClientBuilder builder = tls.applyTo(QuarkusRestClientBuilder.newBuilder())
                .baseUri(uri)
                .connectTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .readTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        apiKey.ifPresent(key -> builder.register(
                (ClientRequestFilter) ctx -> ctx.getHeaders().putSingle("Authorization", "Bearer " + key)));
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

    /** The shape the endpoint answered, once a count was asked; empty before. */
    public Optional<Shape> shape() {
        return Optional.ofNullable(shape);
    }

    private int ask(String text) {
        if (shape == Shape.LLAMACPP) {
            return usable(post(Shape.LLAMACPP, text), text).orElseThrow(() -> unusable(text));
        }
        Optional<Integer> count = usable(post(Shape.VLLM, text), text);
        if (count.isPresent()) {
            shape = Shape.VLLM;
            return count.get();
        }
        if (shape == null) {
            Optional<Integer> llamaCount;
            try {
                llamaCount = usable(post(Shape.LLAMACPP, text), text);
            } catch (UsageException | ServerUnavailableException e) {
                llamaCount = Optional.empty(); // a vLLM-only endpoint refuses the other shape: not the problem
            }
            if (llamaCount.isPresent()) {
                shape = Shape.LLAMACPP;
                return llamaCount.get();
            }
        }
        throw unusable(text);
    }

    private JsonNode post(Shape asked, String text) {
        try {
            return asked == Shape.VLLM
                    ? endpoint.tokenize(new TokenizeEndpoint.TokenizeRequest(model, text))
                    : endpoint.tokenizeContent(new TokenizeEndpoint.ContentRequest(text, true));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (KeyRefusedException.refusesKey(status)) {
                throw new KeyRefusedException("POST " + uri, status);
            }
            if (status == 404) {
                throw new UsageException("the server has no tokenize endpoint at " + uri
                        + "; drop --exact-input-lengths or set --tokenize-endpoint");
            }
            throw new ServerUnavailableException(
                    "POST " + uri + " answered HTTP " + status
                            + " while counting prompt tokens for --exact-input-lengths",
                    e);
        } catch (ProcessingException e) {
            throw new ServerUnavailableException(
                    "cannot count prompt tokens at " + uri + " ("
                            + TlsFailures.explain(e).orElseGet(() -> ServerApi.rootMessage(e)) + ")",
                    e);
        }
    }

    /**
     * The count in an answer of either shape: an integer {@code count}, else the length of {@code tokens};
     * empty when neither is there, or when a non-empty text got no token (llama.cpp's answer to vLLM's shape).
     */
    static Optional<Integer> usable(JsonNode answer, String text) {
        if (answer == null) {
            return Optional.empty();
        }
        JsonNode count = answer.get("count");
        Integer n = null;
        if (count != null && count.canConvertToInt()) {
            n = count.asInt();
        } else if (answer.get("tokens") instanceof com.fasterxml.jackson.databind.node.ArrayNode tokens) {
            n = tokens.size();
        }
        if (n == null || (n == 0 && !text.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(n);
    }

    private UsageException unusable(String text) {
        return new UsageException("POST " + uri + " gave no token count for a " + text.length() + "-character text "
                + "in either shape (vLLM's {model, prompt} -> {count}, llama.cpp's {content} -> {tokens}); set "
                + "--tokenize-endpoint to the server's tokenize route, or drop --exact-input-lengths");
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
