package io.benchsuite.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scheduler on a hand-computed fixture: batch of 2, 4 blocks of 4 tokens, prefill 1,000 tokens/s,
 * step 10 ms + 1 ms per sequence. Every number below is worked out in the comments.
 */
class EngineCoreTest {

    private final EngineCore core = new EngineCore(2, 4, 4, 1000, 10, 1);

    private static Sequence sequence(String id, int promptTokens, int maxTokens) {
        GenerationRequest request = new GenerationRequest(id, promptTokens, maxTokens, 0, true, List.of(), 7);
        return new Sequence(request, new TextGenerator(request, 16), (delta, at) -> {}, 0);
    }

    @Test
    void admitsWithinBatchAndCacheThenPreemptsTheNewestAndRecomputesItOnReadmission() {
        Sequence a = sequence("a", 6, 4);
        Sequence b = sequence("b", 3, 100);
        Sequence c = sequence("c", 2, 100);
        core.enqueue(a);
        core.enqueue(b);
        core.enqueue(c);

        // Step 1: a needs ceil(7/4) = 2 blocks, b ceil(4/4) = 1; c waits for a batch slot.
        // 9 prompt tokens at 1,000/s = 9 ms, + 10 + 2 x 1 = 21 ms.
        StepResult s1 = core.step();
        assertEquals(21_000_000, s1.durationNanos());
        assertEquals(9, s1.prefillTokens());
        assertEquals(2, s1.batchSize());
        assertEquals(
                List.of(a, b),
                s1.emissions().stream().map(StepResult.Emission::sequence).toList());
        assertEquals(3, core.usedBlocks());
        assertEquals(2, core.runningCount());
        assertEquals(1, core.waitingCount());

        // Step 2: a (7 tokens) still fits its 2 blocks for token 8; b (4 tokens) takes the last free block.
        StepResult s2 = core.step();
        assertEquals(12_000_000, s2.durationNanos());
        assertEquals(4, core.usedBlocks());
        assertEquals(1.0, core.kvUsage());

        // Step 3: a (8 tokens) needs a 3rd block, none is free: b, the newest, is preempted (frees 2),
        // goes back to the front of the queue, and nothing is admitted in a step that preempted.
        StepResult s3 = core.step();
        assertEquals(List.of(b), s3.preempted());
        assertEquals(11_000_000, s3.durationNanos());
        assertEquals(0, s3.prefillTokens());
        assertEquals(3, core.usedBlocks());
        assertEquals(1, core.runningCount());
        assertEquals(2, core.waitingCount());
        assertEquals(1, core.preemptionsTotal());
        assertEquals(0, b.blocksHeld);

        // Step 4: b (3 + 2 generated) needs ceil(6/4) = 2 blocks, only 1 is free: first come first served,
        // so c waits behind it. a produces its 4th and last token and frees its 3 blocks.
        StepResult s4 = core.step();
        assertTrue(s4.emissions().get(0).delta().finished());
        assertEquals(FinishReason.LENGTH, s4.emissions().get(0).delta().finishReason());
        assertEquals(0, core.usedBlocks());
        assertEquals(0, core.runningCount());

        // Step 5: b is readmitted and recomputes 3 + 2 = 5 tokens, c prefills 2: 7 ms + 10 + 2 = 19 ms.
        StepResult s5 = core.step();
        assertEquals(7, s5.prefillTokens());
        assertEquals(19_000_000, s5.durationNanos());
        assertSame(b, s5.emissions().get(0).sequence());
        assertEquals(3, s5.emissions().get(0).delta().completionTokens());
        assertEquals(1, s5.emissions().get(1).delta().completionTokens());
        assertEquals(2 + 1, core.usedBlocks()); // b: ceil(6/4) = 2, c: ceil(3/4) = 1
    }

    @Test
    void aHeadThatDoesNotFitTheCacheWaitsEvenWithBatchRoom() {
        Sequence big = sequence("big", 12, 100); // ceil(13/4) = 4 blocks: the whole cache
        Sequence small = sequence("small", 1, 100);
        core.enqueue(big);
        core.step();
        core.enqueue(small);
        core.step(); // big now holds ceil(14/4) = 4 blocks; small needs 1
        assertEquals(1, core.runningCount());
        assertEquals(1, core.waitingCount());
        assertEquals(4, core.usedBlocks());
    }

    @Test
    void abortFreesBlocksOfRunningAndRemovesWaiting() {
        Sequence a = sequence("a", 6, 100);
        Sequence b = sequence("b", 6, 100);
        Sequence c = sequence("c", 6, 100);
        core.enqueue(a);
        core.enqueue(b);
        core.enqueue(c);
        core.step();
        assertEquals(4, core.usedBlocks());
        assertTrue(core.abort(a));
        assertTrue(core.abort(c));
        assertEquals(2, core.usedBlocks());
        assertEquals(0, core.waitingCount());
        assertEquals(false, core.abort(c));
        assertTrue(core.abort(b));
        assertTrue(core.idle());
        assertEquals(0, core.usedBlocks());
    }

    @Test
    void aLoneSequenceThatOutgrowsTheCachePreemptsItself() {
        Sequence a = sequence("a", 15, 100); // ceil(16/4) = 4 blocks at admission
        core.enqueue(a);
        core.step(); // 16 tokens held
        StepResult s2 = core.step(); // needs a 5th block for token 17: only itself to preempt
        assertEquals(List.of(a), s2.preempted());
        assertEquals(0, s2.batchSize());
        assertEquals(0, core.usedBlocks());
        assertEquals(1, core.waitingCount());
    }
}
