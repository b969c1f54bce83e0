package io.benchsuite.deploy;

import io.benchsuite.config.SettingsCatalog;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The environment variable names the tool reads: both spellings of every setting. */
final class SettingEnvNames {

    private static final Set<String> ALL = SettingsCatalog.all().stream()
            .flatMap(s -> Stream.concat(Stream.of(s.envName()), s.legacyEnvName().stream()))
            .collect(Collectors.toUnmodifiableSet());

    private SettingEnvNames() {}

    static boolean isSetting(String envName) {
        return ALL.contains(envName);
    }
}
