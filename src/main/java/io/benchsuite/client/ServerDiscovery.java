package io.benchsuite.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.benchsuite.config.Backend;
import io.benchsuite.config.SettingsCatalog;
import io.benchsuite.config.UsageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jboss.logging.Logger;

/**
 * Finds the model to benchmark and the server's description, per backend: happy_vllm's /v1/info and
 * /v1/launch_arguments, or the OpenAI /v1/models list. A model the server does not serve is a usage error
 * found here, before any benchmark starts, rather than a 404 on every request.
 */
public final class ServerDiscovery {

    private static final Logger LOG = Logger.getLogger(ServerDiscovery.class);
    static final String MODELS_PATH = "/v1/models";

    private ServerDiscovery() {}

    /**
     * @param knownInfo happy_vllm's info document when it was already read (by backend detection), so that it is
     *                  not fetched a second time; empty to fetch it. Read only for the happy_vllm backend.
     * @throws UsageException             a model the server does not serve, or a wrong endpoint setting
     * @throws KeyRefusedException        the server refused the API key (401 or 403)
     * @throws ServerUnavailableException the server cannot be reached
     */
    public static ServerInfo discover(
            ServerApi api,
            Backend backend,
            Optional<String> model,
            String infoEndpoint,
            String launchArgumentsEndpoint,
            Optional<JsonNode> knownInfo) {
        return switch (backend) {
            case HAPPY_VLLM -> happyVllm(api, model, infoEndpoint, launchArgumentsEndpoint, knownInfo);
            case VLLM, SGLANG, TGI, LLAMACPP, TRTLLM, OPENAI -> openAi(api, backend, model);
            case MISTRAL ->
                openAi(
                        api,
                        backend,
                        Optional.of(model.orElseThrow(
                                () -> new UsageException("The mistral backend needs the model's name; set "
                                        + SettingsCatalog.get("model").spellings()))));
            case AUTO -> throw new IllegalArgumentException("backend auto must be resolved before discovery");
        };
    }

    private static ServerInfo happyVllm(
            ServerApi api,
            Optional<String> model,
            String infoEndpoint,
            String launchArgumentsEndpoint,
            Optional<JsonNode> knownInfo) {
        ServerApi.Response info =
                knownInfo.map(body -> new ServerApi.Response(200, body)).orElseGet(() -> api.get(infoEndpoint));
        if (KeyRefusedException.refusesKey(info.status())) {
            throw new KeyRefusedException("GET " + api.baseUrl() + infoEndpoint, info.status());
        }
        if (!info.ok()) {
            throw new UsageException("GET " + api.baseUrl() + infoEndpoint + " answered HTTP " + info.status()
                    + "; for a plain vLLM server set "
                    + SettingsCatalog.get("backend").option()
                    + " vllm, else fix " + SettingsCatalog.get("info-endpoint").option());
        }
        JsonNode body = info.body();
        String served = text(body, "model_name").orElse(null);
        if (served != null && model.isPresent() && !model.get().equals(served)) {
            throw new UsageException("The server serves model '" + served + "', not '" + model.get() + "'; set "
                    + SettingsCatalog.get("model").option() + " " + served + " or leave it empty");
        }
        String name = model.or(() -> Optional.ofNullable(served))
                .orElseThrow(() -> new UsageException("The server's " + infoEndpoint + " gives no model_name; set "
                        + SettingsCatalog.get("model").spellings()));
        OptionalInt maxLength = body.path("max_length").isInt()
                ? OptionalInt.of(body.get("max_length").asInt())
                : OptionalInt.empty();
        return new ServerInfo(
                name,
                text(body, "version"),
                text(body, "vllm_version"),
                maxLength,
                launchArguments(api, launchArgumentsEndpoint));
    }

    /** happy_vllm answers {} unless started with --with-launch-arguments; the original tool crashed on it. */
    private static Map<String, Object> launchArguments(ServerApi api, String path) {
        ServerApi.Response response = api.get(path);
        if (!response.ok() || !response.body().isObject()) {
            LOG.warnf(
                    "No launch arguments from %s%s (HTTP %d); the report will lack the engine settings",
                    api.baseUrl(), path, response.status());
            return Map.of();
        }
        if (response.body().isEmpty()) {
            LOG.info("The server gives no launch arguments (happy_vllm started without --with-launch-arguments)");
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        response.body().fields().forEachRemaining(e -> arguments.put(e.getKey(), plain(e.getValue())));
        return arguments;
    }

    private static ServerInfo openAi(ServerApi api, Backend backend, Optional<String> model) {
        ServerApi.Response models = api.get(MODELS_PATH);
        // Before the hosted-API shortcut below: a refused key would fail every request too.
        if (KeyRefusedException.refusesKey(models.status())) {
            throw new KeyRefusedException("GET " + api.baseUrl() + MODELS_PATH, models.status());
        }
        if (!models.ok()) {
            // A hosted endpoint, or a server outside the vLLM family, may not list its models: a model given by
            // the user is then taken as it is.
            if (backend != Backend.VLLM && backend != Backend.SGLANG && model.isPresent()) {
                return new ServerInfo(model.get(), Optional.empty(), Optional.empty(), OptionalInt.empty(), Map.of());
            }
            throw new UsageException("GET " + api.baseUrl() + MODELS_PATH + " answered HTTP " + models.status()
                    + "; set " + SettingsCatalog.get("model").spellings() + " and check "
                    + SettingsCatalog.get("base-url").option());
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode entry : models.body().path("data")) {
            text(entry, "id").ifPresent(ids::add);
        }
        if (ids.isEmpty() && model.isEmpty()) {
            throw new UsageException("The server lists no model at " + MODELS_PATH + "; set "
                    + SettingsCatalog.get("model").spellings());
        }
        if (model.isPresent() && !ids.isEmpty() && !ids.contains(model.get())) {
            throw new UsageException("The server does not serve model '" + model.get() + "' (it serves " + ids
                    + "); set " + SettingsCatalog.get("model").option() + " to one of them");
        }
        String name = model.orElse(ids.get(0));
        OptionalInt maxModelLen = OptionalInt.empty();
        for (JsonNode entry : models.body().path("data")) {
            if (name.equals(entry.path("id").asText())
                    && entry.path("max_model_len").isInt()) {
                maxModelLen = OptionalInt.of(entry.get("max_model_len").asInt());
            }
        }
        return new ServerInfo(name, Optional.empty(), Optional.empty(), maxModelLen, Map.of());
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    /** JSON scalars as Java values; lists and objects stay JSON trees, which the writers serialise as is. */
    private static Object plain(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isTextual()) {
            return value.asText();
        }
        return value;
    }
}
