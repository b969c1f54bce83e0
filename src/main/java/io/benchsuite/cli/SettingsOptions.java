package io.benchsuite.cli;

import io.benchsuite.config.Setting;
import io.benchsuite.config.SettingsCatalog;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Adds one option per {@link Setting} to a command, generated from the settings catalog so that options,
 * environment variables and documentation have one source. Values stay text here: SmallRye Config converts
 * and the validator checks them, whatever source they came from.
 */
final class SettingsOptions {

    /** The original tool's flag mixed '-' and '_'; accepted so existing scripts keep working. */
    private static final Map<String, String> LEGACY_ALIASES =
            Map.of("target-queries-nb-speed-generation", "--target-queries-nb-speed_generation");

    private SettingsOptions() {}

    /**
     * Adds an option for each setting the command uses. Help shows its unit ({@link OptionLabels}) and its
     * default; the environment spelling is the same for every setting (BENCH_ and the name in capitals, or the
     * plain name) and is said once in the main help, so only the settings without a plain name say so here. The
     * original tool's spelling is accepted as a hidden option, so old scripts work and help shows one name.
     */
    static void addTo(CommandSpec spec) {
        addTo(spec, setting -> true);
    }

    static void addTo(CommandSpec spec, Predicate<Setting> uses) {
        for (Setting setting : SettingsCatalog.all()) {
            if (setting.ownOption()) {
                continue; // declared by the commands that use it
            }
            if (!uses.test(setting)) {
                continue;
            }
            String defaultText =
                    setting.defaultValue().map(d -> " Default: " + d + ".").orElse("");
            String envText = setting.legacyEnvName().isEmpty() ? " Environment: " + setting.envName() + " only." : "";
            spec.addOption(option(setting, setting.option())
                    .description(setting.description() + "." + defaultText + envText)
                    .build());
            if (LEGACY_ALIASES.containsKey(setting.name())) {
                spec.addOption(option(setting, LEGACY_ALIASES.get(setting.name()))
                        .hidden(true)
                        .build());
            }
        }
    }

    private static OptionSpec.Builder option(Setting setting, String name) {
        boolean flag = setting.type() == boolean.class;
        // A boolean setting works as a flag (--insecure) and still takes an explicit value
        // (--stop-on-saturation false); picocli only consumes a following true/false, so
        // "--insecure run" leaves the subcommand alone.
        return OptionSpec.builder(name)
                .type(flag ? Boolean.class : String.class)
                .arity(flag ? "0..1" : "1")
                .paramLabel(OptionLabels.of(setting));
    }

    /** The settings given on this command line, by setting name, for {@code SettingsLoader}. */
    static Map<String, String> given(CommandSpec spec) {
        ParseResult parsed = spec.commandLine().getParseResult();
        Map<String, String> values = new LinkedHashMap<>();
        for (Setting setting : SettingsCatalog.all()) {
            for (String name : new String[] {setting.option(), LEGACY_ALIASES.get(setting.name())}) {
                if (name != null && parsed.hasMatchedOption(name)) {
                    values.put(setting.name(), String.valueOf((Object)
                            parsed.matchedOption(name).getValue()));
                }
            }
        }
        return values;
    }
}
