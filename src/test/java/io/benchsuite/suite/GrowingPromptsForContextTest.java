package io.benchsuite.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.config.Api;
import io.benchsuite.config.UsageException;
import io.benchsuite.workload.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Prompt ingestion cut to the context: which count is used, the fallback, and what the user is told. */
class GrowingPromptsForContextTest {

    /** Prompts of 12 characters per token for the server's count, so the estimate (3 per token) is 4 times more. */
    private static final TokenCounter SERVER = text -> text.length() / 12;

    private static String tokens(int n) {
        return "abcdefghijk ".repeat(n);
    }

    private static final List<String> DATASET = List.of(tokens(10), tokens(500), tokens(100), tokens(1000));

    @Test
    void theServersCountDecidesWhenItAnswers() {
        GrowingPromptsForContext fit =
                GrowingPromptsForContext.decide(DATASET, () -> Optional.of(SERVER), 1024, 1, Api.COMPLETIONS, why -> {
                    throw new AssertionError("no fallback expected: " + why);
                });
        // 1024 - 1 - 8 = 1015 tokens at most: 1000 fits by the server's count
        assertEquals(DATASET, fit.fit().kept());
        assertEquals(Optional.empty(), fit.leftOutNote(), "nothing left out, nothing said");
    }

    @Test
    void aFailingTokenizeEndpointFallsBackToTheEstimateWhichLeavesMoreOut() {
        List<String> said = new ArrayList<>();
        TokenCounter broken = text -> {
            throw new IllegalStateException("the server has no tokenize endpoint");
        };
        GrowingPromptsForContext fit = GrowingPromptsForContext.decide(
                DATASET, () -> Optional.of(broken), 1024, 1, Api.COMPLETIONS, said::add);
        assertEquals(List.of("the server has no tokenize endpoint"), said);
        // estimate: 4 per server token, so 10 (40) and 100 (400) fit, 500 (2000) and 1000 (4000) do not
        assertEquals(List.of(tokens(10), tokens(100)), fit.fit().kept());
        assertEquals(
                "prompt ingestion: 2 of 4 growing prompts left out, longer than the server's context of 1024 tokens "
                        + "minus the output; ingestion covers prompts up to at most 400 tokens (lengths estimated from "
                        + "characters, 3 per token, an over-count that leaves out a prompt rather than send one that "
                        + "may not fit)",
                fit.leftOutNote().orElseThrow());
    }

    @Test
    void aMissingTokenizeEndpointIsNotBlamedOnExactInputLengths() {
        List<String> said = new ArrayList<>();
        TokenCounter missing = text -> {
            throw new UsageException("the server has no tokenize endpoint at http://h/tokenize; drop "
                    + "--exact-input-lengths or set --tokenize-endpoint");
        };
        GrowingPromptsForContext fit = GrowingPromptsForContext.decide(
                DATASET, () -> Optional.of(missing), 1024, 1, Api.COMPLETIONS, said::add);
        assertTrue(fit.estimated());
        assertEquals(
                List.of("the server has no tokenize endpoint at the tokenize-endpoint path; set --tokenize-endpoint "
                        + "if it has one elsewhere"),
                said);
    }

    @Test
    void withoutACounterTheEstimateIsUsedSilently() {
        List<String> said = new ArrayList<>();
        GrowingPromptsForContext fit =
                GrowingPromptsForContext.decide(DATASET, Optional::empty, 1024, 1, Api.COMPLETIONS, said::add);
        assertEquals(List.of(), said);
        assertEquals(2, fit.fit().leftOut());
    }

    @Test
    void theChatTemplateTakesItsShareOfTheContext() {
        // 1000 server tokens: fits 1024 - 1 - 8 for completions, not 1024 - 1 - 72 for chat
        GrowingPromptsForContext chat =
                GrowingPromptsForContext.decide(DATASET, () -> Optional.of(SERVER), 1024, 1, Api.CHAT, why -> {});
        assertEquals(List.of(tokens(10), tokens(500), tokens(100)), chat.fit().kept());
        assertEquals(72, GrowingPromptsForContext.allowanceTokens(Api.CHAT));
        assertEquals(8, GrowingPromptsForContext.allowanceTokens(Api.COMPLETIONS));
    }

    @Test
    void noPromptFittingIsAWarningThatSaysTheRoom() {
        GrowingPromptsForContext fit =
                GrowingPromptsForContext.decide(DATASET, () -> Optional.of(SERVER), 16, 1, Api.COMPLETIONS, why -> {});
        assertTrue(fit.fit().none());
        assertEquals(Optional.empty(), fit.leftOutNote());
        assertEquals(
                "prompt ingestion skipped: none of the 4 growing prompts fits the server's context of 16 tokens minus "
                        + "the output and the request's own tokens (at most 7 prompt tokens; lengths by the server's "
                        + "tokenize endpoint)",
                fit.noneFitWarning());
    }
}
