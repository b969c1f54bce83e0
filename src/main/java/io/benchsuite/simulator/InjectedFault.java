package io.benchsuite.simulator;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Optional;

/**
 * The faults of one request that drew (or asked for) {@code fault}. Stream faults fire at their trigger
 * point: the first frame after K token frames were written, or the end of the answer when it is shorter,
 * so a fault drawn for a request always happens. They apply to streamed answers only.
 */
final class InjectedFault implements FaultPolicy.RequestFaults {

    private final Fault fault;
    private boolean fired;

    InjectedFault(Fault fault) {
        this.fault = fault;
    }

    @Override
    public Optional<ApiError> rejection() {
        if (fault.kind() != FaultKind.STATUS) {
            return Optional.empty();
        }
        return Optional.of(statusError(fault.whole()));
    }

    @Override
    public Optional<Duration> restart() {
        return fault.kind() == FaultKind.RESTART
                ? Optional.of(Duration.ofNanos(Math.round(fault.param() * 1e9)))
                : Optional.empty();
    }

    @Override
    public StreamStep onFrame(StreamFrame frame) {
        if (fired || !isTrigger(frame)) {
            return StreamStep.write(frame.text());
        }
        fired = true;
        return switch (fault.kind()) {
            case DROP -> new StreamStep("", StreamStep.Then.DROP);
            case STALL -> new StreamStep("", StreamStep.Then.STALL);
            case MALFORMED -> StreamStep.write(malformedFrame() + frame.text());
            case ERROR_EVENT ->
                new StreamStep(nestedErrorFrame(frame.tokensSent()) + ResponseFormat.DONE, StreamStep.Then.END);
            case ERROR_OBJECT ->
                new StreamStep(objectErrorFrame(frame.tokensSent()) + ResponseFormat.DONE, StreamStep.Then.END);
            case NO_DONE -> new StreamStep("", StreamStep.Then.END);
            default -> StreamStep.write(frame.text());
        };
    }

    private boolean isTrigger(StreamFrame frame) {
        if (fault.kind() == FaultKind.NO_DONE && !fault.paramGiven()) {
            return frame.kind() == StreamFrame.Kind.DONE; // the whole answer, only [DONE] missing
        }
        return switch (frame.kind()) {
            case ROLE -> false;
            case TOKEN -> frame.tokensSent() >= fault.whole();
            case USAGE, DONE -> true;
        };
    }

    /** vLLM's error JSON with a type that fits the status; 429 and 503 say when to come back. */
    static ApiError statusError(int status) {
        return switch (status) {
            case 429 -> new ApiError(429, "RateLimitError", "Simulated fault: too many requests, retry later.", 1);
            case 500 -> new ApiError(500, "InternalServerError", "Simulated fault: internal server error.", 0);
            case 503 ->
                new ApiError(
                        503, "ServiceUnavailableError", "Simulated fault: the engine is not ready, retry later.", 1);
            default ->
                new ApiError(
                        status,
                        status < 500 ? "BadRequestError" : "InternalServerError",
                        "Simulated fault: HTTP " + status + ".",
                        0);
        };
    }

    /** Half a chunk: the JSON stops in the middle of the choices. */
    private static String malformedFrame() {
        return "data: {\"id\":\"cmpl-broken\",\"object\":\"text_completion\",\"choices\":[{\"index\":0,\"text\":\n\n";
    }

    private static String message(int tokensSent) {
        return "Simulated fault: generation failed after " + tokensSent + " tokens.";
    }

    /** The shape vLLM's OpenAI server yields when generation fails mid-stream: the error object under "error". */
    private static String nestedErrorFrame(int tokensSent) {
        JsonObject error = new JsonObject()
                .put("message", message(tokensSent))
                .put("type", "InternalServerError")
                .putNull("param")
                .put("code", 500);
        return "data: " + new JsonObject().put("error", error).encode() + "\n\n";
    }

    /** The flat {@code {"object":"error",...}} shape of older vLLM versions. */
    private static String objectErrorFrame(int tokensSent) {
        return "data: " + new ApiError(500, "InternalServerError", message(tokensSent)).toJson() + "\n\n";
    }
}
