package io.benchsuite.config;

import java.util.stream.Collectors;

/**
 * Renders the settings catalog as the README table and as {@code .env.example}. Tests compare the committed
 * files with these renderings, so the documentation cannot drift from the code.
 */
public final class SettingsDocs {

    private SettingsDocs() {}

    /** A markdown table: option, environment variables, default, description. */
    public static String markdownTable() {
        String header = "| option | environment | default | description |\n|---|---|---|---|\n";
        return header
                + SettingsCatalog.all().stream()
                        .map(s -> "| `" + s.option() + "` | `" + s.envName() + "`"
                                + s.legacyEnvName().map(n -> ", `" + n + "`").orElse("") + " | "
                                + s.defaultValue().map(d -> "`" + d + "`").orElse("(none)") + " | "
                                + s.description().replace("|", "\\|") + " |")
                        .collect(Collectors.joining("\n", "", "\n"));
    }

    /** Every setting with its default, commented out, and a one-line comment. */
    public static String dotEnvExample() {
        String header = """
                # bench-suite settings. Copy to .env in the working directory and uncomment what you change.
                # Precedence: command line > environment > .env > default. Each name also works with a BENCH_
                # prefix (BENCH_PORT), which wins over the plain name (PORT) given in the same place. The
                # certificate settings exist only as BENCH_ names, so that a stray INSECURE set for another
                # program cannot turn certificate checks off.
                """;
        return header
                + SettingsCatalog.all().stream()
                        .map(s -> "\n# " + s.description() + "\n#"
                                + s.legacyEnvName().orElse(s.envName()) + "="
                                + s.defaultValue().orElse(""))
                        .collect(Collectors.joining("", "", "\n"));
    }
}
