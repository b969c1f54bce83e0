package io.benchsuite.stats;

import java.util.List;
import java.util.Optional;

/**
 * Finds the requests whose prompt the server mostly took from its prefix cache: more than 10 % of their
 * prompt tokens in {@code usage.prompt_tokens_details.cached_tokens}. A chat template's fixed prefix is
 * legitimately cached; beyond that, the time to first token and the prefill speed measure cache hits, not
 * prefill (for instance a second run sending the same prompts, see issue "seeds and resume"). Pure.
 */
public final class PromptCacheCheck {

    /** Above this share (0-1) of a request's prompt tokens cached, its prompt counts as cached. */
    public static final double CACHED_SHARE = 0.10;

    private PromptCacheCheck() {}

    /** Requests (of any outcome) with more than {@link #CACHED_SHARE} of their prompt tokens cached. */
    public static int cachedPromptRequests(List<QueryStats> queries) {
        return (int)
                queries.stream().filter(q -> q.promptMostlyCached(CACHED_SHARE)).count();
    }

    /** The warning for a benchmark with such requests, e.g. "12 of 40 requests had more than 10 % ...". */
    public static Optional<String> warning(int cached, int total) {
        if (cached == 0) {
            return Optional.empty();
        }
        return Optional.of(cached + " of " + total + " requests had more than 10 % of their prompt tokens in the "
                + "server's prompt cache (usage.prompt_tokens_details.cached_tokens): their time to first token "
                + "measures cache hits, not prefill");
    }
}
