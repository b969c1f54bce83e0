package io.benchsuite.cli;

import io.benchsuite.config.BenchSettings;
import io.benchsuite.config.SettingsLoader;
import io.benchsuite.config.SettingsValidator;
import io.quarkus.picocli.runtime.annotations.TopCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code bench-suite}: runs the whole suite against a server; subcommands do one part each. */
@TopCommand
@Command(name = "bench-suite", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Benchmarks an LLM serving API (vLLM, happy_vllm, OpenAI-compatible): prompt ingestion, "
                + "KV-cache profile and generation speed, with a report.",
        subcommands = {ReportCommand.class})
public class BenchSuiteCommand implements Callable<Integer>, UsesSettings {

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces with errors.")
    boolean verbose;

    @Override
    public Integer call() {
        BenchSettings settings = SettingsLoader.load(SettingsOptions.given(spec));
        SettingsValidator.validate(settings);
        SettingsValidator.datasetFolder(settings);
        spec.commandLine().getErr().println("bench-suite: settings are valid; server "
                + SettingsValidator.baseUrl(settings));
        return 0;
    }
}
