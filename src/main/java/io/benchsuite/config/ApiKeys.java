package io.benchsuite.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The API key, from {@code api-key} or else from the file {@code api-key-file} names (how Kubernetes mounts
 * a Secret). The key is only ever handed to the HTTP clients: nothing writes it to a file or a log.
 */
public final class ApiKeys {

    private ApiKeys() {
    }

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
            throw new UsageException("Cannot read the API key file '" + file + "' (" + e.getClass().getSimpleName()
                    + "); set " + SettingsCatalog.get("api-key-file").spellings() + " to a readable file");
        }
    }
}
