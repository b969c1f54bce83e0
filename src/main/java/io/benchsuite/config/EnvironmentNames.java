package io.benchsuite.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the {@code BENCH_} names of an environment (or a .env file) against the settings, so that a typo in a
 * ConfigMap is not hours of defaults: an unknown name is a warning naming the nearest real one. Known without
 * being settings: the launcher's {@code BENCH_SUITE_JAVA_OPTS}, and the variables Kubernetes injects into every
 * pod for each Service of the namespace whose name starts with {@code bench} ("service links": for a Service
 * {@code bench}, {@code BENCH_SERVICE_HOST}, {@code BENCH_SERVICE_PORT}, {@code BENCH_PORT=tcp://10.0.0.7:8000},
 * {@code BENCH_PORT_8000_TCP_ADDR}...; format from the Kubernetes documentation, "Service - Environment
 * variables"). Such a value on a setting's own name ({@code BENCH_PORT}) is dropped with a warning that says
 * where it comes from, instead of failing as "not an integer". Pure: the caller logs the warnings.
 */
public final class EnvironmentNames {

    /** The launcher's JVM flags (bin/bench-suite). */
    public static final String LAUNCHER_OPTIONS = "BENCH_SUITE_JAVA_OPTS";

    /**
     * The key {@code bench-suite simulate} requires ({@code --api-key}). Not {@code BENCH_API_KEY}: a shell
     * that exports the client's key for a real server must not make every simulator it starts (the fidelity
     * and load benchmarks' child processes included) refuse requests.
     */
    public static final String SIMULATOR_API_KEY = "BENCH_SIMULATOR_API_KEY";

    private static final String PREFIX = "BENCH_";

    private static final Pattern SERVICE_HOST_OR_PORT =
            Pattern.compile("BENCH(_[A-Z0-9_]+)?_SERVICE_(HOST|PORT(_[A-Z0-9_]+)?)");
    private static final Pattern PORT_DETAIL =
            Pattern.compile("BENCH(_[A-Z0-9_]+)?_PORT_\\d+_(TCP|UDP|SCTP)(_(PROTO|PORT|ADDR))?");
    private static final Pattern PORT_NAME = Pattern.compile("BENCH(_[A-Z0-9_]+)?_PORT");
    private static final Pattern SERVICE_ADDRESS = Pattern.compile("(tcp|udp|sctp)://[^\\s/]+:\\d+");

    /**
     * @param values   the variables to use, service-link values on settings' names removed
     * @param warnings one line each, for the log
     */
    public record Checked(Map<String, String> values, List<String> warnings) {}

    private EnvironmentNames() {}

    /**
     * @param variables an environment or the entries of a .env file
     * @param where     how the warnings name the place: "environment variable", "name in .env file x"
     */
    public static Checked check(Map<String, String> variables, String where) {
        Map<String, String> kept = new HashMap<>(variables);
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            String name = variable.getKey();
            if (!name.startsWith(PREFIX)) {
                continue;
            }
            Optional<Setting> setting = setting(name);
            if (setting.isPresent()) {
                if (isServiceAddress(name, variable.getValue())) {
                    kept.remove(name);
                    warnings.add(serviceLinkOnSetting(name, variable.getValue(), setting.get(), where));
                }
            } else if (!name.equals(LAUNCHER_OPTIONS)
                    && !name.equals(SIMULATOR_API_KEY)
                    && !isServiceLink(name, variable.getValue())) {
                String near = nearest(name);
                warnings.add("Unknown " + where + " " + name + " is ignored"
                        + (closeEnough(name, near)
                                ? "; did you mean " + near + "?"
                                : " (no setting has a close name; README.md, \"Configuration\", lists them)"));
            }
        }
        warnings.sort(Comparator.naturalOrder());
        return new Checked(kept, List.copyOf(warnings));
    }

    /**
     * {@link #check} for the entries of a .env file, plus its unprefixed names: the original tool's .env
     * files name settings without the prefix (MAX_QUERIES=...), so a typo there (MAX_QUERYS) was a setting silently
     * left at its default. An unprefixed name that is not a setting's but is a few edits from one is a warning
     * naming it. A name far from every setting stays silent: a .env file may be shared with other tools
     * (docker compose reads one too), and HF_TOKEN is nobody's typo. Not for the process environment, where
     * HOME is two edits from HOST.
     *
     * @param entries the file's names and values
     * @param where   how the warnings name the file: "name in .env file x"
     */
    public static Checked checkDotEnv(Map<String, String> entries, String where) {
        Checked prefixed = check(entries, where);
        List<String> warnings = new ArrayList<>(prefixed.warnings());
        List<String> legacyNames = SettingsCatalog.all().stream()
                .flatMap(s -> s.legacyEnvName().stream())
                .toList();
        for (String name : entries.keySet()) {
            if (name.startsWith(PREFIX) || legacyNames.contains(name)) {
                continue;
            }
            legacyNames.stream()
                    .min(Comparator.comparingInt((String candidate) -> distance(name, candidate))
                            .thenComparing(Comparator.naturalOrder()))
                    .filter(near -> distance(name, near) <= Math.max(1, name.length() / 4))
                    .ifPresent(near ->
                            warnings.add("Unknown " + where + " " + name + " is ignored; did you mean " + near + "?"));
        }
        warnings.sort(Comparator.naturalOrder());
        return new Checked(prefixed.values(), List.copyOf(warnings));
    }

    /** Whether Kubernetes sets this name, with this value, for a Service whose name starts with "bench". */
    static boolean isServiceLink(String name, String value) {
        return SERVICE_HOST_OR_PORT.matcher(name).matches()
                || PORT_DETAIL.matcher(name).matches()
                || isServiceAddress(name, value);
    }

    private static boolean isServiceAddress(String name, String value) {
        return PORT_NAME.matcher(name).matches()
                && value != null
                && SERVICE_ADDRESS.matcher(value.strip()).matches();
    }

    private static String serviceLinkOnSetting(String name, String value, Setting setting, String where) {
        String service = name.substring(0, name.length() - "_PORT".length())
                .toLowerCase(Locale.ROOT)
                .replace('_', '-');
        return where + " " + name + "='" + value + "' is not a " + setting.name() + ": Kubernetes sets it in every pod "
                + "for a Service named '" + service + "' (service links), so it is ignored; set enableServiceLinks: "
                + "false in the pod spec (the Job of src/main/kubernetes does) and give the " + setting.name()
                + " with " + otherSpellings(setting, name);
    }

    private static String otherSpellings(Setting setting, String taken) {
        List<String> others = new ArrayList<>(List.of(setting.option()));
        setting.legacyEnvName().filter(n -> !n.equals(taken)).ifPresent(others::add);
        if (setting.name().equals("port")) {
            others.add("or rather --base-url");
        }
        return String.join(", ", others);
    }

    private static Optional<Setting> setting(String name) {
        return SettingsCatalog.all().stream()
                .filter(s -> s.envName().equals(name))
                .findFirst();
    }

    /** The setting's BENCH_ name closest to the given one (edit distance), for "did you mean". */
    static String nearest(String name) {
        return SettingsCatalog.all().stream()
                .map(Setting::envName)
                .min(Comparator.comparingInt((String candidate) -> distance(name, candidate))
                        .thenComparing(Comparator.naturalOrder()))
                .orElseThrow();
    }

    /**
     * Whether a suggestion is worth giving: a typo is a few edits away (BENCH_QUIKC, BENCH_MAX_DURATON_...);
     * BENCH_SIMULATE is not a misspelt BENCH_GPU_NAME. At most 2 edits, or a third of the part after the
     * prefix for long names.
     */
    static boolean closeEnough(String name, String candidate) {
        int significant = Math.max(0, name.length() - "BENCH_".length());
        return distance(name, candidate) <= Math.max(2, significant / 3);
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one character. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
