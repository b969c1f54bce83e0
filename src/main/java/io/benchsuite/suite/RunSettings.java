package io.benchsuite.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchsuite.config.BenchSettings;
import io.benchsuite.config.Setting;
import io.benchsuite.config.SettingsCatalog;
import io.benchsuite.config.SettingsLoader.GivenValue;
import io.benchsuite.config.UsageException;
import io.benchsuite.results.JsonFiles;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The settings a suite ran with, seed and --quick included, kept in its run folder ({@value #FILE_NAME}) so that
 * {@code --resume} finishes the run as it was started: a resumed run sent with other durations, grids or seed
 * would mix two runs in one report. The file is a JSON object, setting name to its value as text (lists
 * comma-separated), every setting but the API key, which is never written anywhere.
 */
public final class RunSettings {

    public static final String FILE_NAME = "run_settings.json";
    private static final List<String> NEVER_WRITTEN = List.of("api-key");

    private RunSettings() {}

    /** Writes the effective settings into the run folder, replacing an earlier copy. */
    public static void write(Path runFolder, BenchSettings settings) throws IOException {
        JsonFiles.writeAtomically(runFolder.resolve(FILE_NAME), values(settings));
    }

    /**
     * @return the stored settings, empty for a run folder written before settings were stored
     * @throws UsageException when the file exists but is not such an object
     */
    public static Optional<Map<String, String>> read(Path runFolder) {
        Path file = runFolder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String fix = "; restore it, or start a new run without --resume";
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UsageException(
                    "Cannot read the stored settings '" + file + "' ("
                            + e.getMessage().lines().findFirst().orElse("") + ")" + fix,
                    e);
        }
        if (root == null || !root.isObject()) {
            throw new UsageException("The stored settings '" + file + "' are not a JSON object" + fix);
        }
        Map<String, String> stored = new TreeMap<>();
        root.fields().forEachRemaining(field -> {
            // A setting a later version dropped is simply not reused.
            if (SettingsCatalog.byName(field.getKey()).isPresent()
                    && field.getValue().isTextual()) {
                stored.put(field.getKey(), field.getValue().textValue());
            }
        });
        return Optional.of(stored);
    }

    /**
     * A resumed run keeps its stored settings: one the user gives now with another value is a usage error
     * naming it, unless it only concerns this invocation (server address, key, output folder...). The stored
     * values then go in as a preset below what the user gives.
     *
     * @param stored what {@link #read} gave
     * @param given  the settings the user set now, with their source
     * @throws UsageException on the first contradiction, by setting name
     */
    public static void checkResume(Path runFolder, Map<String, String> stored, Map<String, GivenValue> given) {
        for (Map.Entry<String, GivenValue> entry : new TreeMap<>(given).entrySet()) {
            Setting setting = SettingsCatalog.get(entry.getKey());
            if (setting.perInvocation()) {
                continue;
            }
            String now = entry.getValue().value();
            String then = stored.get(setting.name());
            boolean same = then == null
                    ? setting.defaultValue()
                            .map(d -> sameValue(setting, d, now))
                            .orElse(false)
                    : sameValue(setting, then, now);
            if (!same) {
                throw new UsageException("Cannot resume '" + runFolder + "' with " + setting.name() + " = " + now
                        + " (from " + entry.getValue().source() + "): the run was started with "
                        + (then == null ? "it unset" : setting.name() + " = " + then) + "; drop "
                        + setting.spellings()
                        + " to resume with the stored value, or start a new run without --resume");
            }
        }
    }

    /** Whether two texts give the same value of the setting ("900" and "900.0", "1,4" and "1, 4"). */
    static boolean sameValue(Setting setting, String a, String b) {
        if (setting.list()) {
            List<String> left = Arrays.stream(a.split(",")).map(String::strip).toList();
            List<String> right = Arrays.stream(b.split(",")).map(String::strip).toList();
            if (left.size() != right.size()) {
                return false;
            }
            for (int i = 0; i < left.size(); i++) {
                if (!sameScalar(setting.type(), left.get(i), right.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return sameScalar(setting.type(), a.strip(), b.strip());
    }

    private static boolean sameScalar(Class<?> type, String a, String b) {
        try {
            if (type == double.class || type == Double.class) {
                return Double.parseDouble(a) == Double.parseDouble(b);
            }
            if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
                return Long.parseLong(a) == Long.parseLong(b);
            }
            if (type == boolean.class || type == Boolean.class) {
                return Boolean.parseBoolean(a) == Boolean.parseBoolean(b);
            }
        } catch (NumberFormatException e) {
            return a.equals(b);
        }
        return a.equals(b);
    }

    /** Every setting's effective value as text, by name; unset optional ones and the API key left out. */
    static Map<String, String> values(BenchSettings settings) {
        Map<String, String> values = new TreeMap<>();
        for (Setting setting : SettingsCatalog.all()) {
            if (NEVER_WRITTEN.contains(setting.name())) {
                continue;
            }
            Object value = read(settings, setting);
            if (value instanceof Optional<?> optional) {
                value = optional.orElse(null);
            }
            if (value instanceof Collection<?> list) {
                value = list.stream().map(String::valueOf).collect(Collectors.joining(","));
            }
            if (value != null) {
                values.put(setting.name(), String.valueOf(value));
            }
        }
        return values;
    }

    private static Object read(BenchSettings settings, Setting setting) {
        StringBuilder method = new StringBuilder();
        for (String part : setting.name().split("-")) {
            method.append(method.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        try {
            return BenchSettings.class.getMethod(method.toString()).invoke(settings);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read setting " + setting.name(), e);
        }
    }
}
