package io.benchsuite.cli;

import io.benchsuite.config.SettingsCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The command line that finishes an interrupted suite: the user's own arguments (so a --base-url or a grid
 * given on the command line is not lost) with --resume and the run folder. Printed for copy and paste, so
 * arguments are quoted for a POSIX shell, and the API key is never echoed: its value is replaced by a
 * reference to the environment variable that can carry it.
 */
final class ResumeCommand {

    private static final String RUN_FOLDER = "--run-folder";
    private static final String RESUME = "--resume";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

    private ResumeCommand() {}

    /** @param originalArgs the arguments the suite was started with */
    static String of(List<String> originalArgs, Path runFolder) {
        String apiKey = SettingsCatalog.get("api-key").option();
        String keyReference = "\"$" + SettingsCatalog.get("api-key").envName() + "\"";
        List<String> words = new ArrayList<>(List.of("bench-suite"));
        for (int i = 0; i < originalArgs.size(); i++) {
            String arg = originalArgs.get(i);
            if (arg.equals(RESUME)) {
                continue;
            }
            if (arg.equals(RUN_FOLDER)) {
                i++; // its value goes too
                continue;
            }
            if (arg.startsWith(RUN_FOLDER + "=")) {
                continue;
            }
            if (arg.equals(apiKey)) {
                words.add(arg);
                words.add(keyReference);
                i++;
                continue;
            }
            if (arg.startsWith(apiKey + "=")) {
                words.add(apiKey + "=" + keyReference);
                continue;
            }
            words.add(quote(arg));
        }
        words.add(RESUME);
        words.add(RUN_FOLDER);
        words.add(quote(runFolder.toString()));
        return String.join(" ", words);
    }

    /** Single quotes unless the word is plainly safe; a quote inside becomes '\''. */
    static String quote(String word) {
        if (SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
