package io.benchsuite.cli;

import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import picocli.CommandLine;

/** Builds the command line: settings options on the commands that use them, and the error handling. */
@ApplicationScoped
class CommandLineSetup {

    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory) {
        CommandLine top = factory.create();
        addSettingsOptions(top);
        HelpLayout.apply(top);
        top.getCommandSpec().usageMessage().footer(HelpLayout.mainFooter());
        // "--dataset-folder datasets" must work although "datasets" is also a subcommand name.
        top.setAllowSubcommandsAsOptionParameters(true);
        ErrorReporter errors = new ErrorReporter();
        top.setExecutionExceptionHandler(errors);
        top.setParameterExceptionHandler(errors);
        return top;
    }

    private static void addSettingsOptions(CommandLine cmd) {
        if (cmd.getCommand() instanceof UsesSettings command) {
            SettingsOptions.addTo(cmd.getCommandSpec(), command::uses);
            if (cmd.getParent() != null) {
                cmd.getCommandSpec()
                        .usageMessage()
                        .footer(
                                cmd.getCommand() instanceof RunCommand
                                        ? HelpLayout.runFooter()
                                        : HelpLayout.settingsFooter());
            }
        }
        cmd.getSubcommands().values().forEach(CommandLineSetup::addSettingsOptions);
    }
}
