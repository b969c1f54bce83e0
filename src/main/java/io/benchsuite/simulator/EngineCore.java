package io.benchsuite.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The scheduler of one simulated vLLM engine, with no clock and no threads: each {@link #step()} decides
 * what one engine iteration does and how long it takes; the caller waits that long.
 *
 * <p>The model, close to vLLM's V0 scheduler with recompute preemption:
 * <ol>
 *   <li>Running sequences, oldest first, each reserve the KV blocks for the token they are about to produce
 *       (a sequence of n tokens holds ceil(n / block_size) blocks). When no block is free, the most recently
 *       admitted sequence is preempted: its blocks are freed and it goes back to the front of the waiting
 *       queue, keeping what it generated.</li>
 *   <li>If nothing was preempted, waiting sequences are admitted in order while the batch has room
 *       ({@code max-num-seqs}) and the cache has the blocks for their prompt, generated tokens and next
 *       token. The queue is first come, first served: a head that does not fit blocks those behind it.</li>
 *   <li>The step lasts (prompt tokens admitted, plus the generated tokens a preempted sequence must
 *       recompute) / prefill rate, plus base + per-sequence x batch size. Every sequence in the batch,
 *       including those just admitted, produces one token; finished ones free their blocks.</li>
 * </ol>
 */
final class EngineCore {

    private final int maxNumSeqs;
    private final int totalBlocks;
    private final int blockSize;
    private final double prefillTokensPerSecond;
    private final long stepBaseNanos;
    private final double stepPerSeqNanos;

    private final Deque<Sequence> waiting = new ArrayDeque<>();
    private final List<Sequence> running = new ArrayList<>();
    private int usedBlocks;
    private long preemptionsTotal;

    EngineCore(SimulatorConfig config) {
        this(
                config.maxNumSeqs(),
                config.kvBlocks(),
                config.blockSize(),
                config.prefillTokensPerSecond(),
                config.stepBaseMs(),
                config.stepPerSeqMs());
    }

    EngineCore(
            int maxNumSeqs,
            int totalBlocks,
            int blockSize,
            double prefillTokensPerSecond,
            double stepBaseMs,
            double stepPerSeqMs) {
        this.maxNumSeqs = maxNumSeqs;
        this.totalBlocks = totalBlocks;
        this.blockSize = blockSize;
        this.prefillTokensPerSecond = prefillTokensPerSecond;
        this.stepBaseNanos = Math.round(stepBaseMs * 1e6);
        this.stepPerSeqNanos = stepPerSeqMs * 1e6;
    }

    void enqueue(Sequence sequence) {
        waiting.addLast(sequence);
    }

    /** Removes a sequence wherever it is (client went away) and frees its blocks. */
    boolean abort(Sequence sequence) {
        if (waiting.remove(sequence)) {
            return true;
        }
        if (running.remove(sequence)) {
            release(sequence);
            return true;
        }
        return false;
    }

    boolean idle() {
        return waiting.isEmpty() && running.isEmpty();
    }

    StepResult step() {
        List<Sequence> preempted = reserveNextTokenBlocks();
        int prefillTokens = preempted.isEmpty() ? admitWaiting() : 0;
        int batch = running.size();
        long duration = stepBaseNanos
                + Math.round(stepPerSeqNanos * batch)
                + Math.round(prefillTokens * 1e9 / prefillTokensPerSecond);
        List<StepResult.Emission> emissions = new ArrayList<>(batch);
        List<Sequence> finished = new ArrayList<>();
        for (Sequence sequence : running) {
            TokenDelta delta = sequence.generator.next();
            emissions.add(new StepResult.Emission(sequence, delta));
            if (delta.finished()) {
                finished.add(sequence);
            }
        }
        for (Sequence sequence : finished) {
            running.remove(sequence);
            release(sequence);
        }
        return new StepResult(duration, prefillTokens, batch, emissions, preempted);
    }

    private List<Sequence> reserveNextTokenBlocks() {
        List<Sequence> preempted = new ArrayList<>();
        for (int i = 0; i < running.size(); i++) {
            Sequence sequence = running.get(i);
            int missing = blocksFor(sequence.tokensHeld() + 1) - sequence.blocksHeld;
            boolean preemptedItself = false;
            while (missing > freeBlocks() && !preemptedItself) {
                Sequence victim = running.get(running.size() - 1);
                preempt(victim);
                preempted.add(victim);
                preemptedItself = victim == sequence;
            }
            if (preemptedItself) {
                break; // it was the newest, so no sequence is left after it
            }
            if (missing > 0) {
                sequence.blocksHeld += missing;
                usedBlocks += missing;
            }
        }
        return preempted;
    }

    private void preempt(Sequence victim) {
        running.remove(running.size() - 1);
        release(victim);
        victim.preemptions++;
        preemptionsTotal++;
        waiting.addFirst(victim);
    }

    private int admitWaiting() {
        int prefillTokens = 0;
        while (!waiting.isEmpty() && running.size() < maxNumSeqs) {
            Sequence head = waiting.peekFirst();
            int needed = blocksFor(head.tokensHeld() + 1);
            if (needed > freeBlocks()) {
                break;
            }
            waiting.removeFirst();
            head.blocksHeld = needed;
            usedBlocks += needed;
            running.add(head);
            prefillTokens += head.tokensHeld();
        }
        return prefillTokens;
    }

    private void release(Sequence sequence) {
        usedBlocks -= sequence.blocksHeld;
        sequence.blocksHeld = 0;
    }

    private int blocksFor(int tokens) {
        return (tokens + blockSize - 1) / blockSize;
    }

    private int freeBlocks() {
        return totalBlocks - usedBlocks;
    }

    int runningCount() {
        return running.size();
    }

    int waitingCount() {
        return waiting.size();
    }

    int usedBlocks() {
        return usedBlocks;
    }

    /** Fraction of the KV cache in use, 0 to 1, as vLLM's usage gauge. */
    double kvUsage() {
        return (double) usedBlocks / totalBlocks;
    }

    long preemptionsTotal() {
        return preemptionsTotal;
    }
}
