package io.benchsuite.cli;

import io.benchsuite.config.UsageException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place that turns exceptions into what the user sees: a single line on stderr and an exit code
 * (2 for bad input, 1 for a failure while running). The stack trace is shown only with --verbose.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

    static final int USAGE = 2;
    static final int FAILURE = 1;
    private static final int MAX_SUGGESTIONS = 3;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        // picocli checks required options before it complains about unknown words, so "run --output-lenght 4"
        // would say that --output-length is missing; the misspelling is the mistake to name.
        if (!(ex instanceof UnmatchedArgumentException)
                && !cmd.getUnmatchedArguments().isEmpty()) {
            ex = new UnmatchedArgumentException(cmd, cmd.getUnmatchedArguments());
        }
        PrintWriter err = cmd.getErr();
        err.println(cmd.getCommandSpec().qualifiedName() + ": " + message(ex) + suggestion(ex) + " (see '"
                + cmd.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return USAGE;
    }

    /**
     * picocli's message, except for a word where a command was expected: "unknown command 'rpeort'" instead of
     * "Unmatched argument at index 0: 'rpeort'" (a command with subcommands and no positional parameters).
     */
    static String message(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException unmatched) {
            CommandLine cmd = ex.getCommandLine();
            List<String> words = unmatched.getUnmatched();
            if (!words.isEmpty()
                    && !words.get(0).startsWith("-")
                    && !cmd.getSubcommands().isEmpty()
                    && cmd.getCommandSpec().positionalParameters().isEmpty()) {
                return "unknown command '" + words.get(0) + "'";
            }
        }
        return ex.getMessage();
    }

    /**
     * "; did you mean --quick?" for a misspelt option or subcommand, from picocli's own suggestions (options
     * and subcommands close to the unmatched word); empty when there are none.
     */
    static String suggestion(ParameterException ex) {
        if (!(ex instanceof UnmatchedArgumentException unmatched)) {
            return "";
        }
        List<String> near = unmatched.getSuggestions().stream()
                .distinct()
                .limit(MAX_SUGGESTIONS)
                .toList();
        if (near.isEmpty()) {
            return "";
        }
        String last = near.get(near.size() - 1);
        return "; did you mean "
                + (near.size() == 1 ? last : String.join(", ", near.subList(0, near.size() - 1)) + " or " + last) + "?";
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        boolean usage = ex instanceof UsageException;
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        err.println("bench-suite: " + (usage ? "" : "error: ")
                + message.lines().findFirst().orElse(""));
        if (verbose(parsed)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return usage ? USAGE : FAILURE;
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
