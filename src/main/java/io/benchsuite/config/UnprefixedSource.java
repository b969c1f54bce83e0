package io.benchsuite.config;

import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Shows an environment-style source (the process environment or a .env file) under the {@code bench.}
 * prefix, so the original tool's unprefixed names (PORT, BASE_URL...) keep working. It sits one ordinal
 * below the source it wraps: within one source the BENCH_ form wins, and a higher source still wins over
 * a lower one whatever the spelling. Only known settings are exposed, so unrelated variables such as
 * PATH never leak into the configuration.
 */
final class UnprefixedSource implements ConfigSource {

    private final ConfigSource delegate;

    UnprefixedSource(ConfigSource delegate) {
        this.delegate = delegate;
    }

    @Override
    public Set<String> getPropertyNames() {
        return SettingsCatalog.all().stream()
                .filter(s -> s.legacyEnvName().isPresent() && delegate.getValue(s.name()) != null)
                .map(Setting::property)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String getValue(String propertyName) {
        String prefix = BenchSettings.PREFIX + ".";
        if (!propertyName.startsWith(prefix)) {
            return null;
        }
        String name = propertyName.substring(prefix.length());
        return SettingsCatalog.byName(name).flatMap(Setting::legacyEnvName).isPresent()
                ? delegate.getValue(name)
                : null;
    }

    @Override
    public String getName() {
        return delegate.getName() + " (unprefixed names)";
    }

    @Override
    public int getOrdinal() {
        return delegate.getOrdinal() - 1;
    }
}
