package io.benchsuite.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.tokenizer.SimpleTokenizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextGeneratorTest {

    private static List<TokenDelta> runToEnd(GenerationRequest request, int meanOutput) {
        TextGenerator generator = new TextGenerator(request, meanOutput);
        List<TokenDelta> deltas = new ArrayList<>();
        do {
            deltas.add(generator.next());
        } while (!deltas.get(deltas.size() - 1).finished());
        return deltas;
    }

    private static String text(List<TokenDelta> deltas) {
        StringBuilder text = new StringBuilder();
        deltas.forEach(d -> text.append(d.text()));
        return text.toString();
    }

    @Test
    void ignoreEosGeneratesExactlyMaxTokensAndTheTextRetokenizesToThatCount() {
        List<TokenDelta> deltas = runToEnd(new GenerationRequest("r", 5, 200, 0, true, List.of(), 3), 4);
        assertEquals(200, deltas.size());
        TokenDelta last = deltas.get(199);
        assertEquals(FinishReason.LENGTH, last.finishReason());
        assertEquals(200, last.completionTokens());
        assertEquals(200, SimpleTokenizer.count(text(deltas)));
    }

    @Test
    void minTokensEqualToMaxTokensGivesExactlyThatManyEvenWithAShortEosPoint() {
        for (long seed = 0; seed < 20; seed++) {
            List<TokenDelta> deltas = runToEnd(new GenerationRequest("r", 5, 50, 50, false, List.of(), seed), 2);
            assertEquals(50, deltas.size());
        }
    }

    @Test
    void withoutIgnoreEosTheSeededEosEndsWithStopAndNoText() {
        List<TokenDelta> deltas = runToEnd(new GenerationRequest("r", 5, 1000, 0, false, List.of(), 11), 40);
        TokenDelta last = deltas.get(deltas.size() - 1);
        assertEquals(FinishReason.STOP, last.finishReason());
        assertNull(last.stopReason());
        assertEquals("", last.text());
        assertTrue(deltas.size() >= 20 && deltas.size() <= 60, "EOS point in [mean/2, 3 mean/2]: " + deltas.size());
        // same seed, same output
        assertEquals(text(deltas), text(runToEnd(new GenerationRequest("x", 5, 1000, 0, false, List.of(), 11), 40)));
    }

    @Test
    void aStopStringEndsTheTextBeforeItAndIsNeverSent() {
        GenerationRequest unstopped = new GenerationRequest("r", 5, 300, 0, true, List.of(), 5);
        String full = text(runToEnd(unstopped, 10));
        int at = full.indexOf(" llm,");
        assertTrue(at > 0, "fixture needs the stop string in the seeded text: " + full);

        List<TokenDelta> deltas = runToEnd(new GenerationRequest("r", 5, 300, 0, true, List.of(" llm,"), 5), 10);
        TokenDelta last = deltas.get(deltas.size() - 1);
        assertEquals(FinishReason.STOP, last.finishReason());
        assertEquals(" llm,", last.stopReason());
        assertEquals(full.substring(0, at), text(deltas));
        assertFalse(text(deltas).contains(" llm,"));
        // the token that completed the stop string is counted, as vLLM counts it
        assertEquals(SimpleTokenizer.count(full.substring(0, at + " llm,".length())), last.completionTokens());
    }

    @Test
    void stopStringsAreIgnoredBeforeMinTokens() {
        List<TokenDelta> deltas = runToEnd(new GenerationRequest("r", 5, 60, 60, true, List.of(" the"), 5), 10);
        assertEquals(60, deltas.size());
        assertEquals(FinishReason.LENGTH, deltas.get(59).finishReason());
    }
}
