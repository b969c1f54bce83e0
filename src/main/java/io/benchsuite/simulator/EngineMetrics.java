package io.benchsuite.simulator;

/**
 * The live numbers of one engine, written by its driver thread and read by {@code /metrics} on an event
 * loop; every method is synchronized, which costs nothing measurable at a few thousand tokens per second.
 */
final class EngineMetrics {

    private final Histogram timeToFirstToken = new Histogram(Histogram.TTFT_BOUNDS);
    private final Histogram interToken = new Histogram(Histogram.ITL_BOUNDS);
    private final Histogram endToEnd = new Histogram(Histogram.E2E_BOUNDS);
    private int running;
    private int waiting;
    private double kvUsage;
    private long promptTokens;
    private long generationTokens;
    private long preemptions;
    private long finishedLength;
    private long finishedStop;
    private long finishedAbort;
    /** The most requests the engine held at once (running plus waiting), since it started. */
    private int peakRequests;

    synchronized void gauges(int running, int waiting, double kvUsage, long preemptionsTotal) {
        this.running = running;
        this.waiting = waiting;
        this.kvUsage = kvUsage;
        this.preemptions = preemptionsTotal;
        this.peakRequests = Math.max(peakRequests, running + waiting);
    }

    synchronized void firstToken(int promptTokens, double secondsSinceArrival) {
        this.promptTokens += promptTokens;
        this.generationTokens++;
        timeToFirstToken.observe(secondsSinceArrival);
    }

    synchronized void nextToken(double secondsSincePrevious) {
        generationTokens++;
        interToken.observe(secondsSincePrevious);
    }

    synchronized void finished(FinishReason reason, double secondsSinceArrival) {
        if (reason == FinishReason.LENGTH) {
            finishedLength++;
        } else {
            finishedStop++;
        }
        endToEnd.observe(secondsSinceArrival);
    }

    synchronized void aborted() {
        finishedAbort++;
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(
                running,
                waiting,
                kvUsage,
                promptTokens,
                generationTokens,
                preemptions,
                finishedLength,
                finishedStop,
                finishedAbort,
                timeToFirstToken.snapshot(),
                interToken.snapshot(),
                endToEnd.snapshot(),
                peakRequests);
    }

    record Snapshot(
            int running,
            int waiting,
            double kvUsage,
            long promptTokens,
            long generationTokens,
            long preemptions,
            long finishedLength,
            long finishedStop,
            long finishedAbort,
            Histogram.Snapshot timeToFirstToken,
            Histogram.Snapshot interToken,
            Histogram.Snapshot endToEnd,
            int peakRequests) {}
}
