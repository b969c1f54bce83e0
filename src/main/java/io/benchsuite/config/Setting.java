package io.benchsuite.config;

import java.util.Locale;
import java.util.Optional;

/**
 * One documented setting: its kebab-case name, value type, default (empty when it has none) and
 * description, with the spellings under which a user can give it.
 */
public record Setting(
        String name,
        Class<?> type,
        boolean list,
        Optional<String> defaultValue,
        String description,
        boolean prefixedOnly,
        boolean ownOption,
        boolean perInvocation) {

    /** A setting every command takes as an option and that a resumed run keeps. */
    public Setting(
            String name,
            Class<?> type,
            boolean list,
            Optional<String> defaultValue,
            String description,
            boolean prefixedOnly) {
        this(name, type, list, defaultValue, description, prefixedOnly, false, false);
    }

    public String property() {
        return BenchSettings.PREFIX + "." + name;
    }

    public String option() {
        return "--" + name;
    }

    /** The prefixed environment variable, which wins over {@link #legacyEnvName()}. */
    public String envName() {
        return "BENCH_" + plainName();
    }

    /**
     * The original tool's unprefixed environment variable, kept so existing .env files work; a
     * {@link #prefixedOnly()} setting has none (see {@link Doc#prefixedOnly()}).
     */
    public Optional<String> legacyEnvName() {
        return prefixedOnly ? Optional.empty() : Optional.of(plainName());
    }

    private String plainName() {
        return name.replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** Every environment variable that sets it, the winning one first: "BENCH_PORT or PORT". */
    public String envSpellings() {
        return envName() + legacyEnvName().map(n -> " or " + n).orElse("");
    }

    /** How the user can set it, for error messages: "--port, BENCH_PORT or PORT". */
    public String spellings() {
        return option() + ", " + envSpellings();
    }

    /** A short word for the expected kind of value, used in help and error messages. */
    public String kind() {
        if (list) {
            return "a comma-separated list of " + elementKind();
        }
        return elementKind();
    }

    private String elementKind() {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return list ? "integers" : "an integer";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return "a text";
    }
}
