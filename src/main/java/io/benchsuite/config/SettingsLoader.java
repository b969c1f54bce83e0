package io.benchsuite.config;

import io.smallrye.config.ConfigValue;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Builds {@link BenchSettings} from, highest first: the command line, the environment ({@code BENCH_X}
 * then {@code X}), the {@code .env} file of the working directory (same two spellings), and the defaults
 * declared on the mapping. Every input is passed in, so precedence is testable without touching the real
 * process environment.
 */
public final class SettingsLoader {

    static final int CLI_ORDINAL = 500;
    static final int ENV_ORDINAL = 300;
    /** Below the environment, as Quarkus places .env. */
    static final int DOTENV_ORDINAL = 295;

    private SettingsLoader() {}

    /** Set by Kubernetes in each pod of an Indexed Job: the pod's index, 0 to completions - 1. */
    public static final String JOB_COMPLETION_INDEX = "JOB_COMPLETION_INDEX";

    /** Below every source the user controls, above the built-in defaults (e.g. --quick's values). */
    static final int PRESET_ORDINAL = 100;

    /** Loads with the real environment and the .env file of the working directory. */
    public static BenchSettings load(Map<String, String> commandLine) {
        return load(commandLine, Map.of());
    }

    /**
     * Same, with a preset: values that replace the built-in defaults but yield to anything the user set
     * (command line, environment or .env), as --quick needs.
     */
    public static BenchSettings load(Map<String, String> commandLine, Map<String, String> preset) {
        return load(commandLine, System.getenv(), Path.of(".env"), preset);
    }

    public static BenchSettings load(Map<String, String> commandLine, Map<String, String> environment, Path dotEnv) {
        return load(commandLine, environment, dotEnv, Map.of());
    }

    /**
     * @param commandLine setting name (kebab-case, no dashes in front) to value, only those given
     * @param environment environment variables
     * @param dotEnv the .env file; a missing file is simply no source
     */
    public static BenchSettings load(
            Map<String, String> commandLine, Map<String, String> environment, Path dotEnv, Map<String, String> preset) {
        List<ConfigSource> sources = userSources(commandLine, environment, dotEnv);
        Map<String, String> presetValues = new HashMap<>();
        preset.forEach(
                (name, value) -> presetValues.put(SettingsCatalog.get(name).property(), value));
        // No fixed default seed: with one, every run sent the same prefixes and a second run hit the prompt cache.
        presetValues.putIfAbsent(SettingsCatalog.get("seed").property(), Long.toString(drawSeed()));
        // A Kubernetes Indexed Job numbers its pods with this variable: each pod is the shard of that number.
        String jobIndex = environment.get(JOB_COMPLETION_INDEX);
        if (jobIndex != null && !jobIndex.isBlank()) {
            presetValues.putIfAbsent(SettingsCatalog.get("shard-index").property(), jobIndex.trim());
        }
        sources.add(new NamedSource(
                new PropertiesConfigSource(presetValues, "preset", PRESET_ORDINAL), "preset", PRESET_ORDINAL));

        ConfigSource[] all = sources.toArray(ConfigSource[]::new);
        // Types first, on a plain config: binding the mapping would fail with a multi-line report.
        checkTypes(new SmallRyeConfigBuilder().withSources(all).build());
        return new SmallRyeConfigBuilder()
                .withSources(all)
                .withMapping(BenchSettings.class, BenchSettings.PREFIX)
                .withValidateUnknown(false)
                .build()
                .getConfigMapping(BenchSettings.class, BenchSettings.PREFIX);
    }

    /**
     * A fresh seed for a run that was given none: positive and below 2^53, so that it reads well, survives any
     * JSON reader and can be given back with --seed.
     */
    public static long drawSeed() {
        return java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 1L << 53);
    }

    /** A value the user set, and where: "command line", "environment", ".env file .env"... */
    public record GivenValue(String value, String source) {}

    /** The settings the user set (command line, real environment, .env of the working directory), by name. */
    public static Map<String, GivenValue> given(Map<String, String> commandLine) {
        return given(commandLine, System.getenv(), Path.of(".env"));
    }

    /** The settings set by the command line, the environment or the .env file, by setting name. */
    public static Map<String, GivenValue> given(
            Map<String, String> commandLine, Map<String, String> environment, Path dotEnv) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(userSources(commandLine, environment, dotEnv).toArray(ConfigSource[]::new))
                .build();
        Map<String, GivenValue> given = new java.util.TreeMap<>();
        for (Setting setting : SettingsCatalog.all()) {
            ConfigValue value = config.getConfigValue(setting.property());
            if (value.getValue() != null) {
                given.put(setting.name(), new GivenValue(value.getValue(), value.getConfigSourceName()));
            }
        }
        return given;
    }

    private static List<ConfigSource> userSources(
            Map<String, String> commandLine, Map<String, String> environment, Path dotEnv) {
        List<ConfigSource> sources = new ArrayList<>();
        Map<String, String> cli = new HashMap<>();
        commandLine.forEach((name, value) -> cli.put(SettingsCatalog.get(name).property(), value));
        sources.add(new NamedSource(
                new PropertiesConfigSource(cli, "command line", CLI_ORDINAL), "command line", CLI_ORDINAL));

        EnvironmentNames.Checked checkedEnvironment = EnvironmentNames.check(environment, "environment variable");
        checkedEnvironment.warnings().forEach(Warnings::once);
        Map<String, String> environmentValues = new HashMap<>(checkedEnvironment.values());
        environmentValues.values().removeIf(String::isBlank);
        EnvConfigSource env = new EnvConfigSource(environmentValues, ENV_ORDINAL) {
            @Override
            public String getName() {
                return "environment";
            }
        };
        sources.add(env);
        sources.add(new UnprefixedSource(env));

        if (Files.isRegularFile(dotEnv)) {
            ConfigSource dotEnvSource = new NamedSource(
                    new EnvConfigSource(dotEnvValues(dotEnv, environment), DOTENV_ORDINAL),
                    ".env file " + dotEnv,
                    DOTENV_ORDINAL);
            sources.add(dotEnvSource);
            sources.add(new UnprefixedSource(dotEnvSource));
        }
        return sources;
    }

    /**
     * The .env file as the original tool read it (python-dotenv, see {@link DotEnvFile}); a name without a value
     * sets nothing, and a statement python-dotenv would skip is skipped with a warning naming its line.
     */
    private static Map<String, String> dotEnvValues(Path dotEnv, Map<String, String> environment) {
        DotEnvFile.Parsed parsed;
        try {
            parsed = DotEnvFile.read(dotEnv, environment);
        } catch (IOException e) {
            throw new UsageException("Cannot read the .env file '" + dotEnv.toAbsolutePath() + "' ("
                    + e.getClass().getSimpleName() + "); make it readable or remove it");
        }
        for (int line : parsed.skippedLines()) {
            Warnings.once(".env file " + dotEnv + ", line " + line + ": not a NAME=value statement, skipped "
                    + "(as the original tool did); quote a value holding spaces and a comment with \"...\"");
        }
        Map<String, String> values = new HashMap<>();
        parsed.values().forEach((name, value) -> {
            if (value != null && !value.isBlank()) { // NAME= sets nothing, as an empty value anywhere
                values.put(name, value);
            }
        });
        EnvironmentNames.Checked checked = EnvironmentNames.checkDotEnv(values, "name in .env file " + dotEnv);
        checked.warnings().forEach(Warnings::once);
        return checked.values();
    }

    /**
     * Converts each raw value first, so a wrong type becomes one line naming the setting, where the value
     * came from and how to set it, instead of SmallRye's multi-line report.
     */
    private static void checkTypes(SmallRyeConfig config) {
        for (Setting setting : SettingsCatalog.all()) {
            ConfigValue raw = config.getConfigValue(setting.property());
            // An empty value is no value (SmallRye's rule), as an empty SEED= or METRICS_PORT= in a .env file.
            if (raw.getValue() == null || raw.getValue().isBlank() || setting.type() == String.class) {
                continue;
            }
            try {
                if (setting.list()) {
                    config.getValues(setting.property(), boxed(setting.type()));
                } else {
                    config.getValue(setting.property(), boxed(setting.type()));
                }
            } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
                throw new UsageException("Invalid " + setting.name() + ": '" + raw.getValue() + "' (from "
                        + raw.getConfigSourceName() + ") is not " + setting.kind() + "; set " + setting.spellings()
                        + " to " + setting.kind());
            }
        }
    }

    private static Class<?> boxed(Class<?> type) {
        if (type == int.class) {
            return Integer.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        return type;
    }

    /** Renames a source and fixes its ordinal, so messages say ".env file" and precedence is explicit. */
    private record NamedSource(ConfigSource delegate, String name, int ordinal) implements ConfigSource {
        @Override
        public java.util.Set<String> getPropertyNames() {
            return delegate.getPropertyNames();
        }

        @Override
        public String getValue(String propertyName) {
            return delegate.getValue(propertyName);
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public int getOrdinal() {
            return ordinal;
        }
    }
}
