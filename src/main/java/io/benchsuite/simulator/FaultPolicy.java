package io.benchsuite.simulator;

import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The seam for fault injection. Asked once per valid completion request, before it reaches the engine, for
 * the faults that request will suffer; once per {@code /metrics} scrape for how to answer it; and once at
 * start for a periodic restart. The defaults change nothing, so {@link #NONE} is the simulator as it is.
 * {@link ConfiguredFaultPolicy} is the policy behind {@code bench-suite simulate --fault ...}.
 */
public interface FaultPolicy {

    FaultPolicy NONE = (request, headers) -> RequestFaults.NONE;

    /**
     * @param headers the request's header by (case-insensitive) name, null when absent
     */
    RequestFaults forRequest(GenerationRequest request, UnaryOperator<String> headers);

    /** How to answer one scrape of {@code /metrics}. */
    default MetricsFault forMetrics(UnaryOperator<String> headers) {
        return MetricsFault.NONE;
    }

    /** A server that goes down and comes back on its own, for as long as it runs. */
    default Optional<RestartCycle> restartCycle() {
        return Optional.empty();
    }

    /** What goes wrong with one request; the defaults change nothing. */
    interface RequestFaults {

        RequestFaults NONE = new RequestFaults() {};

        /** An error to answer instead of generating anything. */
        default Optional<ApiError> rejection() {
            return Optional.empty();
        }

        /** Stop listening for this long as soon as this request arrives (its own connection closes too). */
        default Optional<Duration> restart() {
            return Optional.empty();
        }

        /** What to do with the next SSE frame of the stream: write it (or something else), then go on or not. */
        default StreamStep onFrame(StreamFrame frame) {
            return StreamStep.write(frame.text());
        }
    }
}
