package io.benchsuite.cli;

import io.benchsuite.config.Setting;
import io.benchsuite.config.SettingsCatalog;
import java.util.LinkedHashMap;
import java.util.Map;
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

    private SettingsOptions() {
    }

    static void addTo(CommandSpec spec) {
        for (Setting setting : SettingsCatalog.all()) {
            if (setting.ownOption()) {
                continue; // declared by the commands that use it
            }
            String[] names = LEGACY_ALIASES.containsKey(setting.name())
                    ? new String[] {setting.option(), LEGACY_ALIASES.get(setting.name())}
                    : new String[] {setting.option()};
            String defaultText = setting.defaultValue().map(d -> " Default: " + d + ".").orElse("");
            boolean flag = setting.type() == boolean.class;
            spec.addOption(OptionSpec.builder(names)
                    // A boolean setting works as a flag (--insecure) and still takes an explicit value
                    // (--stop-on-saturation false); picocli only consumes a following true/false, so
                    // "--insecure run" leaves the subcommand alone.
                    .type(flag ? Boolean.class : String.class)
                    .arity(flag ? "0..1" : "1")
                    .paramLabel("<" + setting.name().substring(setting.name().lastIndexOf('-') + 1) + ">")
                    .description(setting.description() + "." + defaultText + " Env: " + setting.envSpellings()
                            + ".")
                    .build());
        }
    }

    /** The settings given on this command line, by setting name, for {@code SettingsLoader}. */
    static Map<String, String> given(CommandSpec spec) {
        ParseResult parsed = spec.commandLine().getParseResult();
        Map<String, String> values = new LinkedHashMap<>();
        for (Setting setting : SettingsCatalog.all()) {
            if (parsed.hasMatchedOption(setting.option())) {
                values.put(setting.name(), String.valueOf((Object) parsed.matchedOption(setting.option()).getValue()));
            }
        }
        return values;
    }
}
