package io.benchsuite.cli;

import io.benchsuite.config.Setting;
import java.util.Map;

/**
 * The value label a setting's option shows in help, with its unit where it has one ({@code <seconds>},
 * {@code <tokens/s>}, {@code <0-1>}), instead of the last word of its name. Settings not listed get a
 * label from their name's form ({@code -endpoint}: a path; {@code max-duration-}: seconds) or their type.
 */
final class OptionLabels {

    private static final Map<String, String> BY_NAME = Map.ofEntries(
            Map.entry("model", "name"),
            Map.entry("model-name", "name"),
            Map.entry("gpu-name", "name"),
            Map.entry("base-url", "url"),
            Map.entry("host", "host"),
            Map.entry("port", "port"),
            Map.entry("backend", "backend"),
            Map.entry("dataset-folder", "folder"),
            Map.entry("output-folder", "folder"),
            Map.entry("api-key", "key"),
            Map.entry("api-key-file", "file"),
            Map.entry("ca-cert", "pem-file"),
            Map.entry("step-live-metrics", "seconds"),
            Map.entry("request-timeout", "seconds"),
            Map.entry("max-queries", "requests"),
            Map.entry("target-queries-nb-speed-generation", "requests"),
            Map.entry("min-number-of-valid-queries", "requests"),
            Map.entry("max-consecutive-failures", "requests"),
            Map.entry("speed-threshold", "tokens/s"),
            Map.entry("kv-cache-threshold", "0-1"),
            Map.entry("max-failed-share", "0-1"),
            Map.entry("input-lengths", "tokens,..."),
            Map.entry("output-lengths", "tokens,..."),
            Map.entry("parallel-requests", "n,..."),
            Map.entry("slo", "objective,..."),
            Map.entry("seed", "integer"));

    private OptionLabels() {}

    /** The label with its angle brackets, e.g. {@code <seconds>}. */
    static String of(Setting setting) {
        return "<" + word(setting) + ">";
    }

    private static String word(Setting setting) {
        String name = setting.name();
        if (BY_NAME.containsKey(name)) {
            return BY_NAME.get(name);
        }
        if (name.endsWith("-endpoint")) {
            return "path";
        }
        if (name.startsWith("max-duration-") || name.startsWith("min-duration-") || name.endsWith("-seconds")) {
            return "seconds";
        }
        if (name.endsWith("-file")) {
            return "file";
        }
        if (name.endsWith("-folder")) {
            return "folder";
        }
        if (name.endsWith("-url")) {
            return "url";
        }
        Class<?> type = setting.type();
        boolean integer = type == int.class || type == Integer.class || type == long.class || type == Long.class;
        if (setting.list()) {
            return integer ? "n,..." : "value,...";
        }
        if (integer) {
            return "n";
        }
        if (type == double.class || type == Double.class) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true|false";
        }
        return "text";
    }
}
