package io.benchsuite.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which OpenAI-style request a benchmark sends: a {@code prompt} to the completions API, or
 * {@code messages: [{role: user, content: prompt}]} to the chat API. Each has its default endpoint path.
 */
public enum Api {
    /** {@code POST /v1/completions} with {@code prompt}: the original tool's happy_vllm requests. */
    COMPLETIONS("completions", "/v1/completions"),
    /** {@code POST /v1/chat/completions} with {@code messages}: the original tool's mistral requests. */
    CHAT("chat", "/v1/chat/completions");

    private final String id;
    private final String defaultPath;

    Api(String id, String defaultPath) {
        this.id = id;
        this.defaultPath = defaultPath;
    }

    public String id() {
        return id;
    }

    /** The endpoint path used when {@code completions-endpoint} is not set. */
    public String defaultPath() {
        return defaultPath;
    }

    /**
     * The API of a run: the {@code api} setting when given, else the backend's own (chat for mistral,
     * completions otherwise). A mistral backend asked for the completions API is a usage error: the
     * original tool's mistral backend only ever spoke chat.
     */
    public static Api of(BenchSettings settings) {
        Backend backend = Backend.parse(settings.backend());
        Api api = settings.api().map(Api::parse).orElse(backend == Backend.MISTRAL ? CHAT : COMPLETIONS);
        if (backend == Backend.MISTRAL && api != CHAT) {
            throw new UsageException("The mistral backend sends chat requests only; unset "
                    + SettingsCatalog.get("api").spellings() + " or set it to chat");
        }
        return api;
    }

    /**
     * The path requests are posted to: {@code completions-endpoint} when set (so an original mistral
     * {@code .env}, which sets the chat path there, keeps working), else the API's default path.
     */
    public static String completionsPath(BenchSettings settings) {
        return settings.completionsEndpoint()
                .map(String::trim)
                .filter(path -> !path.isEmpty())
                .orElse(of(settings).defaultPath());
    }

    public static Api parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(a -> a.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new UsageException("Unknown api '" + text + "'; set "
                        + SettingsCatalog.get("api").spellings() + " to one of " + choices()));
    }

    public static String choices() {
        return Arrays.stream(values()).map(Api::id).collect(Collectors.joining(", "));
    }
}
