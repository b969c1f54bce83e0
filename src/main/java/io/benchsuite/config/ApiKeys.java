package io.benchsuite.config;

import io.smallrye.config.DotEnvConfigSourceProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The API key, from {@code api-key} or else from the file {@code api-key-file} names (how Kubernetes mounts
 * a Secret). The key is only ever handed to the HTTP clients: nothing writes it to a file or a log.
 */
public final class ApiKeys {

    private ApiKeys() {}

    public static Optional<String> resolve(BenchSettings settings) {
        Optional<String> given = settings.apiKey().map(String::strip).filter(k -> !k.isEmpty());
        if (given.isPresent() || settings.apiKeyFile().isEmpty()) {
            return given;
        }
        Path file = Path.of(settings.apiKeyFile().get());
        try {
            String key = Files.readString(file).strip();
            if (key.isEmpty()) {
                throw new UsageException("The API key file '" + file + "' is empty; set "
                        + SettingsCatalog.get("api-key-file").spellings() + " to a file holding the key");
            }
            return Optional.of(key);
        } catch (IOException e) {
            throw new UsageException("Cannot read the API key file '" + file + "' ("
                    + e.getClass().getSimpleName() + "); set "
                    + SettingsCatalog.get("api-key-file").spellings() + " to a readable file");
        }
    }

    /**
     * Where the key a run sends comes from, for the message of a server that refused it: never the key itself.
     * The key given by {@code api-key} is looked for, in the order of precedence, in the environment then in
     * the {@code .env} file; found in neither, it came from the command line. (A key given on the command line
     * and also present in a variable is attributed to the variable: it holds the refused key too.)
     *
     * @param environment the process environment
     * @param dotEnv      the .env file {@link SettingsLoader} reads; a missing file is fine
     * @return a phrase that completes "the server refused ...", e.g. "the API key in the environment variable
     *         BENCH_API_KEY", "the API key read from the file /run/key (api-key-file)", "the request without an
     *         API key (none is set)"
     */
    public static String describeOrigin(BenchSettings settings, Map<String, String> environment, Path dotEnv) {
        Optional<String> given = settings.apiKey().map(String::strip).filter(k -> !k.isEmpty());
        if (given.isEmpty()) {
            return settings.apiKeyFile()
                    .map(file -> "the API key read from the file " + file + " ("
                            + SettingsCatalog.get("api-key-file").option() + ")")
                    .orElse("the request without an API key (none is set)");
        }
        Setting setting = SettingsCatalog.get("api-key");
        List<String> names = new ArrayList<>(List.of(setting.envName()));
        setting.legacyEnvName().ifPresent(names::add);
        for (String name : names) {
            if (sameKey(given.get(), environment.get(name))) {
                return "the API key in the environment variable " + name;
            }
        }
        if (Files.isRegularFile(dotEnv)) {
            for (ConfigSource source : DotEnvConfigSourceProvider.dotEnvSources(
                    dotEnv.toAbsolutePath().toUri().toString(), ApiKeys.class.getClassLoader())) {
                for (String name : names) {
                    if (sameKey(given.get(), source.getValue(name))) {
                        return "the API key in the .env file " + dotEnv + " (" + name + ")";
                    }
                }
            }
        }
        return "the API key given with " + setting.option();
    }

    /** How to give the right key, every spelling: the end of a refused-key message. */
    public static String howToSet() {
        return "give the right key with " + SettingsCatalog.get("api-key").spellings() + ", or a file holding it with "
                + SettingsCatalog.get("api-key-file").spellings();
    }

    private static boolean sameKey(String key, String candidate) {
        return candidate != null && Objects.equals(key, candidate.strip());
    }
}
