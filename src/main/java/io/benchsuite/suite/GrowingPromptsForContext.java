package io.benchsuite.suite;

import io.benchsuite.config.Api;
import io.benchsuite.config.UsageException;
import io.benchsuite.workload.ContextFit;
import io.benchsuite.workload.PromptPlanner;
import io.benchsuite.workload.TokenCounter;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Prompt ingestion's growing prompts cut to the server's context, decided once per run before the first
 * prompt-ingestion benchmark sends anything: a prompt longer than the context minus the output would only be
 * refused (HTTP 400) and put the benchmark in doubt. Lengths are the server's own count when its tokenize
 * endpoint answers, else an estimate from the characters that over-counts (see
 * {@link ContextFit#ESTIMATE_CHARACTERS_PER_TOKEN}); the log line says which.
 *
 * @param fit       the prompts kept and how many were left out
 * @param estimated true when the lengths are the estimate from characters (an over-count), false when they are the
 *                  server's count
 */
record GrowingPromptsForContext(ContextFit fit, boolean estimated) {

    /** The raw-result parameter: growing prompts left out because they did not fit the context. */
    static final String PARAMETER = "prompts_left_out_for_context";

    /**
     * Tokens a request adds around a dataset prompt: the plan's random prefix (at most one token per letter), the
     * "N " marker of a repeated copy and a beginning-of-sequence token (2 and 2 more), and with the chat API the
     * model's chat template (64: a role header is under 10 tokens, but some templates add a default system
     * prompt of 20 to 40; the tokenize endpoint counts the bare prompt, without the template).
     */
    static int allowanceTokens(Api api) {
        return PromptPlanner.PREFIX_LENGTH + 4 + (api == Api.CHAT ? 64 : 0);
    }

    /**
     * @param server the server's token counter, when it may have one; a count that fails (no tokenize endpoint,
     *               404 or another error) falls back to the estimate for every prompt
     * @param onFallback told why the server's count could not be used
     */
    static GrowingPromptsForContext decide(
            List<String> dataset,
            Supplier<Optional<TokenCounter>> server,
            int contextTokens,
            int outputTokens,
            Api api,
            java.util.function.Consumer<String> onFallback) {
        int allowance = allowanceTokens(api);
        Optional<TokenCounter> counter;
        try {
            counter = server.get();
        } catch (RuntimeException e) {
            onFallback.accept(why(e));
            counter = Optional.empty();
        }
        if (counter.isPresent()) {
            try {
                return new GrowingPromptsForContext(
                        ContextFit.of(dataset, counter.get(), contextTokens, outputTokens, allowance), false);
            } catch (RuntimeException e) {
                onFallback.accept(why(e));
            }
        }
        return new GrowingPromptsForContext(
                ContextFit.of(dataset, ContextFit::estimatedTokens, contextTokens, outputTokens, allowance), true);
    }

    /** A 404 is a usage error worded for --exact-input-lengths, which this run may not have set. */
    private static String why(RuntimeException e) {
        return e instanceof UsageException
                ? "the server has no tokenize endpoint at the tokenize-endpoint path; set --tokenize-endpoint if it "
                        + "has one elsewhere"
                : e.getMessage();
    }

    /** How the lengths were had, for the log. */
    String countedBy() {
        return estimated
                ? "lengths estimated from characters, " + ContextFit.ESTIMATE_CHARACTERS_PER_TOKEN
                        + " per token, an over-count that leaves out a prompt rather than send one that may not fit"
                : "lengths by the server's tokenize endpoint";
    }

    /** The INFO line of a run that left prompts out; empty when every prompt fits. */
    Optional<String> leftOutNote() {
        if (fit.leftOut() == 0 || fit.none()) {
            return Optional.empty();
        }
        return Optional.of("prompt ingestion: " + fit.leftOut() + " of " + fit.total()
                + " growing prompts left out, longer than the server's context of " + fit.contextTokens()
                + " tokens minus the output; ingestion covers prompts up to " + (estimated ? "at most " : "about ")
                + fit.longestKeptTokens() + " tokens (" + countedBy() + ")");
    }

    /** The WARN line of a run where no prompt fits, so that prompt ingestion is skipped. */
    String noneFitWarning() {
        return "prompt ingestion skipped: none of the " + fit.total() + " growing prompts fits the server's context of "
                + fit.contextTokens() + " tokens minus the output and the request's own tokens (at most "
                + Math.max(0, fit.budgetTokens()) + " prompt tokens; " + countedBy() + ")";
    }
}
