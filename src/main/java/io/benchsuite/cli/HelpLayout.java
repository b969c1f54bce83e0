package io.benchsuite.cli;

import io.benchsuite.config.SettingsCatalog;
import io.benchsuite.suite.QuickMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The layout of every command's help: a one-line synopsis (the command, its required options, then
 * [OPTIONS]), options with their value labels and descriptions wrapped at spaces only (picocli's own layout
 * breaks words such as file names at dots), and, on the main help, how settings are read, what --quick sets
 * and examples.
 */
final class HelpLayout {

    /** Column where descriptions start; an option longer than this puts its description on the next line. */
    static final int DESCRIPTION_COLUMN = 30;

    private HelpLayout() {}

    /** Applies the layout to a command and its subcommands. */
    static void apply(CommandLine cmd) {
        CommandSpec spec = cmd.getCommandSpec();
        spec.usageMessage().customSynopsis(synopsis(spec));
        cmd.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpLayout::optionList);
        cmd.getSubcommands().values().forEach(HelpLayout::apply);
    }

    /** The main help's footer: how settings are read, what --quick sets, examples. */
    static String[] mainFooter() {
        Map<String, String> quick = new TreeMap<>(QuickMode.SETTINGS);
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Settings: each option above also reads the environment, BENCH_ and its name in capitals or the "
                + "plain name ("
                + SettingsCatalog.get("max-duration-speed-generation").envSpellings() + " for "
                + SettingsCatalog.get("max-duration-speed-generation").option() + "; the BENCH_ form wins), then a "
                + ".env file in the working directory. Options win over both.");
        lines.add("");
        StringBuilder quickText = new StringBuilder("--quick sets, unless you set them:");
        quick.forEach((name, value) ->
                quickText.append(" --").append(name).append('=').append(value).append(','));
        quickText.setLength(quickText.length() - 1);
        lines.add(quickText + ".");
        lines.add("");
        lines.add("Examples:");
        lines.add("  # two minutes against the built-in simulator, no server needed");
        lines.add("  bench-suite --simulate --quick");
        lines.add("  # a first look at a happy_vllm server; the report is in results/<date>/report/");
        lines.add("  bench-suite --base-url http://gpu-host:8000 --quick");
        lines.add("  # the full suite against plain vLLM, the key from the environment");
        lines.add("  BENCH_API_KEY=... bench-suite --base-url http://gpu-host:8000 --backend vllm");
        lines.add("  # finish the newest interrupted run");
        lines.add("  bench-suite --resume");
        lines.add("  # redraw a run's report, e.g. with another speed threshold");
        lines.add("  bench-suite report --output-folder results/<run> --speed-threshold 30");
        lines.add("  # one benchmark, as the original tool's benchmark.py");
        lines.add("  bench-suite run --prompt-length 1024 --output-length 128 --output-file a.json");
        return wrapLines(lines);
    }

    /** The footer of a subcommand that takes settings: where else they can come from. */
    static String[] settingsFooter() {
        return wrapLines(List.of(
                "",
                "Each setting option also reads BENCH_<NAME> or <NAME> from the environment "
                        + "or a .env file (see bench-suite --help)."));
    }

    /** The footer of {@code run}: where settings come from, then examples of the original tool's uses. */
    static String[] runFooter() {
        List<String> lines = new ArrayList<>(List.of(settingsFooter()));
        lines.add("");
        lines.add("Examples:");
        lines.add("  # 8 requests in parallel, 1024-token prompts, 128 tokens each, for at least 60 s");
        lines.add("  bench-suite run --prompt-length 1024 --output-length 128 --n-workers 8 --min-duration 60 "
                + "--output-file a.json");
        lines.add("  # Poisson arrivals at 2 requests/s for 5 minutes, with every request's timings");
        lines.add("  bench-suite run --query-profile request_rate --request-rate 2 --max-duration 300 "
                + "--output-length 128 --query-metrics --output-file b.json");
        return wrapLines(lines);
    }

    private static String[] wrapLines(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            int indent = line.length() - line.stripLeading().length();
            out.addAll(wrap(line.strip(), " ".repeat(indent), " ".repeat(indent + 2), 80));
        }
        return out.toArray(String[]::new);
    }

    private static String[] synopsis(CommandSpec spec) {
        StringBuilder line = new StringBuilder(spec.qualifiedName());
        for (OptionSpec option : spec.options()) {
            if (option.required()) {
                line.append(' ').append(option.longestName()).append(' ').append(option.paramLabel());
            }
        }
        line.append(" [OPTIONS]");
        if (!spec.subcommands().isEmpty()) {
            line.append(" [COMMAND]");
        }
        return new String[] {line.toString()};
    }

    private static String optionList(Help help) {
        int width = Math.max(60, help.commandSpec().usageMessage().width());
        StringBuilder out = new StringBuilder();
        for (OptionSpec option : help.commandSpec().options()) {
            if (option.hidden()) {
                continue;
            }
            String head = "  " + String.join(", ", option.names())
                    + (option.arity().min() == 0 ? "" : " " + option.paramLabel());
            String description = String.join(" ", option.description()).strip();
            String indent = " ".repeat(DESCRIPTION_COLUMN);
            List<String> lines = wrap(description, indent, indent, width);
            if (head.length() + 2 <= DESCRIPTION_COLUMN && !lines.isEmpty()) {
                lines.set(
                        0,
                        head
                                + " ".repeat(DESCRIPTION_COLUMN - head.length())
                                + lines.get(0).strip());
            } else {
                lines.add(0, head);
            }
            lines.forEach(l -> out.append(l).append(System.lineSeparator()));
        }
        return out.toString();
    }

    /** Words joined into lines of at most {@code width} characters, broken at spaces only. */
    static List<String> wrap(String text, String firstIndent, String indent, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(firstIndent);
        boolean empty = true;
        for (String word : text.split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!empty && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
                empty = true;
            }
            line.append(empty ? "" : " ").append(word);
            empty = false;
        }
        if (!empty || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
