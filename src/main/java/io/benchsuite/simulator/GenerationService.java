package io.benchsuite.simulator;

import java.util.List;

/** Turns requests into timed tokens: the continuous-batching engines or the exact schedule. */
interface GenerationService extends AutoCloseable {

    /**
     * Starts generating. Tokens reach {@code listener} on the service's own thread.
     *
     * @param arrivalNanos {@link System#nanoTime()} when the request arrived, the origin of its latencies
     * @return call it when the client is gone, to free the request's place in the engine
     */
    Runnable submit(GenerationRequest request, long arrivalNanos, TokenListener listener);

    /** One snapshot per engine, in engine order. */
    List<EngineMetrics.Snapshot> metrics();

    @Override
    void close();
}
