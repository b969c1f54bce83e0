package io.benchsuite.simulator;

import java.util.Optional;

/**
 * The seam for fault injection: asked once per valid request, before it reaches the engine, for the faults
 * that request will suffer. The simulator itself only ships {@link #NONE}; error statuses, dropped
 * connections, stalls and malformed chunks plug in here without touching the engine or the wire format.
 */
@FunctionalInterface
public interface FaultPolicy {

    FaultPolicy NONE = request -> RequestFaults.NONE;

    RequestFaults forRequest(GenerationRequest request);

    /** What goes wrong with one request; the defaults change nothing. */
    interface RequestFaults {

        RequestFaults NONE = new RequestFaults() {
        };

        /** An error to answer instead of generating anything. */
        default Optional<ApiError> rejection() {
            return Optional.empty();
        }

        /**
         * The SSE frame actually written for stream frame number {@code index} (0 = first frame); a fault may
         * return an altered frame.
         */
        default String frame(int index, String frame) {
            return frame;
        }
    }
}
