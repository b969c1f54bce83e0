package io.benchsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The generated setting options, parsed by picocli alone: values are handed on as text, by setting name. */
class SettingsOptionsTest {

    private static CommandSpec withSettings() {
        CommandSpec spec = CommandSpec.create();
        SettingsOptions.addTo(spec);
        spec.addSubcommand("run", CommandSpec.create());
        return spec;
    }

    @Test
    void aBooleanSettingIsAFlagThatStillTakesAnExplicitValue() {
        CommandSpec spec = withSettings();
        new CommandLine(spec).parseArgs("--insecure", "--stop-on-saturation", "false", "--port", "9");
        assertEquals(
                Map.of("insecure", "true", "stop-on-saturation", "false", "port", "9"), SettingsOptions.given(spec));
    }

    @Test
    void aFlagDoesNotSwallowTheSubcommandAfterIt() {
        CommandSpec spec = withSettings();
        CommandLine.ParseResult parsed = new CommandLine(spec).parseArgs("--insecure", "run");
        assertTrue(parsed.hasSubcommand(), "run is still the subcommand");
        assertEquals(Map.of("insecure", "true"), SettingsOptions.given(spec));
    }

    @Test
    void aNonBooleanSettingStillNeedsItsValue() {
        assertThrows(
                CommandLine.MissingParameterException.class,
                () -> new CommandLine(withSettings()).parseArgs("--ca-cert"));
    }
}
