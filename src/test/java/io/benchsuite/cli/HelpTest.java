package io.benchsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.suite.QuickMode;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The help a new user reads, through the real command line: short, with units, and only what applies. */
@QuarkusMainTest
class HelpTest {

    @Test
    void runHelpIsShortWithUnitsAndOnlyWhatRunUses(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("run", "--help");
        assertEquals(0, result.exitCode());
        String help = result.getOutput();
        List<String> lines = help.lines().toList();
        // 230 lines before; the chat API, the failed share and the metrics URL since added about fifteen.
        assertTrue(lines.size() <= 145, "run --help has " + lines.size() + " lines");
        assertEquals("Usage: bench-suite run --output-length <tokens> --output-file <file> [OPTIONS]", lines.get(0));
        for (String label : List.of(
                "--max-duration <seconds>",
                "--speed-threshold <tokens/s>",
                "--kv-cache-threshold <0-1>",
                "--request-timeout <seconds>",
                "--n-workers <n>",
                "--request-rate <requests/s>")) {
            assertTrue(help.contains(label), "run --help shows " + label);
        }
        for (String suiteOnly : List.of(
                "--input-lengths",
                "--parallel-requests",
                "--max-duration-kv-cache-profile",
                "--stop-on-saturation",
                "--sweep",
                "--slo",
                "--shard-count",
                "speed_generation")) {
            assertFalse(help.contains(suiteOnly), "run --help does not show " + suiteOnly);
        }
        assertTrue(help.contains("Examples:") && help.contains("bench-suite run --query-profile request_rate"), help);
        assertWordsWhole(help);
    }

    @Test
    void mainHelpHasUnitsWhatQuickSetsAndExamplesAtTheEnd(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("--help");
        assertEquals(0, result.exitCode());
        String help = result.getOutput();
        List<String> lines = help.lines().toList();
        // 225 before the four shard settings, the merge and compare commands, the sweep and the objectives.
        assertTrue(lines.size() <= 255, "--help has " + lines.size() + " lines");
        assertEquals("Usage: bench-suite [OPTIONS] [COMMAND]", lines.get(0));
        assertTrue(help.contains("--max-duration-kv-cache-profile <seconds>"), help);
        assertTrue(help.contains("--kv-cache-threshold <0-1>"), help);
        assertTrue(help.contains("--max-failed-share <0-1>"), help);
        assertTrue(help.contains("--speed-threshold <tokens/s>"), help);
        assertFalse(help.contains("<profile>") || help.contains("<generation>") || help.contains("<ingestion>"), help);
        assertFalse(help.contains("--target-queries-nb-speed_generation"), "the old spelling works but is not shown");
        QuickMode.SETTINGS.forEach((name, value) -> assertTrue(
                help.replace("\n", " ").replaceAll(" +", " ").contains("--" + name + "=" + value),
                "--quick's " + name + " is said"));
        int examples = help.indexOf("Examples:");
        assertTrue(
                examples > help.indexOf("--tokenize-endpoint") && examples > help.indexOf("report "),
                "examples come after the options and commands");
        assertTrue(lines.get(lines.size() - 1).startsWith("  bench-suite "), "the help ends with an example");
        assertWordsWhole(help);
    }

    @Test
    void aSuiteOnlySettingGivenToRunIsAMistakeWithTheNearestOption(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch(
                "run", "--max-duration-speed-generation", "5", "--output-length", "4", "--output-file", "x.json");
        assertEquals(2, result.exitCode());
        assertTrue(result.getErrorOutput().contains("did you mean --max-duration"), result.getErrorOutput());
    }

    /** Lines are at most 80 wide and break at spaces: file names and URLs stay whole. */
    private static void assertWordsWhole(String help) {
        for (String line : help.lines().toList()) {
            assertTrue(line.length() <= 80, "too wide: " + line);
        }
        String joined = help.replace("\n", " ");
        for (String word : List.of("prompts_length_N.json", "llama.cpp:", "growing_prompts.json")) {
            assertTrue(!help.contains(word.substring(0, 5)) || joined.contains(word), word + " is whole");
        }
    }
}
