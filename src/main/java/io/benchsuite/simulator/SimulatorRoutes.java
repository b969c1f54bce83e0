package io.benchsuite.simulator;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP routes of the simulated happy_vllm server, on Vert.x core (one event loop). Requests are
 * answered on the event loop; generation happens on the engine threads.
 */
final class SimulatorRoutes implements Handler<HttpServerRequest> {

    private final SimulatorConfig config;
    private final GenerationService engines;
    private final FaultPolicy faults;
    private final CompletionRequestParser parser;
    private final InfoDocuments documents;
    private final FlavourRoutes flavourRoutes;
    /** Present for the llama.cpp flavour. */
    private final LlamaCppServer llamaCpp;

    private final AtomicLong requestCounter = new AtomicLong();
    private volatile String host = "";
    private volatile int port;
    private volatile ListeningServer server;

    SimulatorRoutes(SimulatorConfig config, GenerationService engines, FaultPolicy faults) {
        this.config = config;
        this.engines = engines;
        this.faults = faults;
        this.parser = new CompletionRequestParser(config);
        this.documents = new InfoDocuments(config, System.currentTimeMillis() / 1000);
        this.flavourRoutes = new FlavourRoutes(config.flavour());
        this.llamaCpp = config.flavour() == ServerFlavour.LLAMACPP ? new LlamaCppServer() : null;
    }

    void boundTo(String host, int port, ListeningServer server) {
        this.host = host;
        this.port = port;
        this.server = server;
    }

    @Override
    public void handle(HttpServerRequest request) {
        long arrivalNanos = System.nanoTime(); // the origin of TTFT: before the body is even read
        if (llamaCpp != null && llamaCpp.dropIfSpent(request.connection())) {
            return; // llama.cpp closes the connection after a stream: this request is lost with it
        }
        if (!keyAccepted(request)) {
            json(request.response(), 401, ApiKeyCheck.refusal(request.getHeader("authorization")));
            return;
        }
        if (llamaCpp != null && !LlamaCppServer.serves(request.path())) {
            json(request.response(), 404, LlamaCppServer.NOT_FOUND);
            return;
        }
        if (!flavourRoutes.serves(request.path())) {
            json(request.response(), 404, "{\"detail\":\"Not Found\"}");
            return;
        }
        switch (request.path()) {
            case "/v1/completions" -> post(request, body -> completion(request, body, false, arrivalNanos));
            case "/v1/chat/completions" -> post(request, body -> completion(request, body, true, arrivalNanos));
            case "/tokenize" -> post(request, body -> tokenize(request, body));
            case "/v1/models" ->
                get(
                        request,
                        () -> json(request.response(), 200, documents.models().encode()));
            case "/v1/info" ->
                get(
                        request,
                        () -> json(request.response(), 200, documents.info().encode()));
            case "/v1/launch_arguments" ->
                get(
                        request,
                        () -> json(
                                request.response(),
                                200,
                                documents.launchArguments(host, port).encode()));
            case "/version" -> get(request, () -> json(request.response(), 200, FlavourRoutes.versionJson()));
            case "/metrics", "/metrics/" -> get(request, () -> metrics(request));
            case "/health" ->
                get(request, () -> request.response().setStatusCode(200).end());
            case "/liveness" -> get(request, () -> json(request.response(), 200, "{\"alive\":\"ok\"}"));
            case "/readiness" -> get(request, () -> json(request.response(), 200, "{\"ready\":\"ok\"}"));
            default -> json(request.response(), 404, "{\"detail\":\"Not Found\"}");
        }
    }

    /** With {@code apiKey} set, whether the request may reach its route: open routes, or the right key. */
    private boolean keyAccepted(HttpServerRequest request) {
        return config.apiKey().isEmpty()
                || ApiKeyCheck.isOpen(request.path())
                || ApiKeyCheck.matches(
                        request.getHeader("authorization"), config.apiKey().get());
    }

    private static void get(HttpServerRequest request, Runnable answer) {
        if (request.method() != HttpMethod.GET) {
            json(request.response(), 405, "{\"detail\":\"Method Not Allowed\"}");
        } else {
            answer.run();
        }
    }

    private static void post(HttpServerRequest request, Handler<JsonObject> answer) {
        if (request.method() != HttpMethod.POST) {
            json(request.response(), 405, "{\"detail\":\"Method Not Allowed\"}");
            return;
        }
        request.body().onSuccess(buffer -> {
            JsonObject body;
            try {
                body = parseObject(buffer);
            } catch (ApiError.Failure failure) {
                error(request.response(), failure.error);
                return;
            }
            try {
                answer.handle(body);
            } catch (ApiError.Failure failure) {
                error(request.response(), failure.error);
            }
        });
    }

    private static JsonObject parseObject(Buffer buffer) {
        try {
            return new JsonObject(buffer);
        } catch (DecodeException | ClassCastException e) {
            // Jackson's own text names Java types; the client only needs to know what was wrong.
            throw new ApiError.Failure(ApiError.badRequest("The request body is not a valid JSON object."));
        }
    }

    private void completion(HttpServerRequest request, JsonObject body, boolean chat, long arrivalNanos) {
        CompletionCall call =
                parser.parse(body, chat, requestCounter.getAndIncrement(), System.currentTimeMillis() / 1000);
        FaultPolicy.RequestFaults requestFaults = faults.forRequest(call.generation(), request::getHeader);
        Optional<Duration> restart = requestFaults.restart();
        if (restart.isPresent()) {
            server.goDown(restart.get()); // closes this request's connection too, as a real restart would
            return;
        }
        Optional<ApiError> rejection = requestFaults.rejection();
        if (rejection.isPresent()) {
            error(request.response(), rejection.get());
            return;
        }
        Context context = Vertx.currentContext();
        HttpServerResponse response = request.response();
        if (call.stream()) {
            StreamingAnswer answer = llamaCpp == null
                    ? new StreamingAnswer(context, response, call, requestFaults)
                    : new StreamingAnswer(
                            context,
                            response,
                            call,
                            requestFaults,
                            config.flavour(),
                            () -> llamaCpp.streamEnded(context.owner(), request.connection()));
            Runnable cancel = engines.submit(call.generation(), arrivalNanos, answer);
            answer.begin(cancel);
        } else {
            BufferedAnswer answer = new BufferedAnswer(context, response, call);
            Runnable cancel = engines.submit(call.generation(), arrivalNanos, answer);
            response.closeHandler(v -> cancel.run());
        }
    }

    private void metrics(HttpServerRequest request) {
        MetricsFault fault;
        try {
            fault = faults.forMetrics(request::getHeader);
        } catch (ApiError.Failure failure) {
            error(request.response(), failure.error);
            return;
        }
        HttpServerResponse response = request.response();
        switch (fault.kind()) {
            case NONE -> sendMetrics(response);
            case SLOW ->
                Vertx.currentContext().owner().setTimer(Math.max(1, fault.delayMs()), id -> {
                    if (!response.closed()) {
                        sendMetrics(response);
                    }
                });
            case NOT_FOUND -> json(response, 404, "{\"detail\":\"Not Found\"}");
            case GARBAGE ->
                response.putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
                        .end("<html><body>502 Bad Gateway</body></html>\n{{{ not prometheus ]]]\n");
        }
    }

    private void sendMetrics(HttpServerResponse response) {
        response.putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
                .end(FlavourMetrics.render(config, engines.metrics()));
    }

    private void tokenize(HttpServerRequest request, JsonObject body) {
        if (llamaCpp != null) {
            json(request.response(), 200, LlamaCppServer.tokenize(body).encode());
            return;
        }
        CompletionRequestParser.checkModel(body, config.modelName());
        Prompt prompt = body.containsKey("messages") ? Prompt.fromChat(body) : Prompt.fromCompletion(body);
        json(request.response(), 200, documents.tokenize(prompt).encode());
    }

    private static void error(HttpServerResponse response, ApiError error) {
        if (error.retryAfterSeconds() > 0) {
            response.putHeader("retry-after", Integer.toString(error.retryAfterSeconds()));
        }
        json(response, error.status(), error.toJson());
    }

    private static void json(HttpServerResponse response, int status, String body) {
        response.setStatusCode(status)
                .putHeader("content-type", "application/json")
                .end(body);
    }
}
