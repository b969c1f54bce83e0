package io.benchsuite.simulator;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The faults the simulator can inject, with the name used in {@code --fault} and {@code X-Sim-Fault}. */
public enum FaultKind {
    /** Answer an HTTP error (param: the status, 400-599) in vLLM's JSON shape; 429 and 503 add Retry-After. */
    STATUS("status", Param.REQUIRED, Target.REQUEST),
    /** Close the connection after K tokens (param K, default 0). */
    DROP("drop", Param.OPTIONAL, Target.REQUEST),
    /** Stop sending after K tokens and keep the connection open. */
    STALL("stall", Param.OPTIONAL, Target.REQUEST),
    /** Send a chunk that is not valid JSON after K tokens, then carry on normally. */
    MALFORMED("malformed", Param.OPTIONAL, Target.REQUEST),
    /** After K tokens, {@code data: {"error": {...}}} as vLLM sends when generation fails, then [DONE]. */
    ERROR_EVENT("error-event", Param.OPTIONAL, Target.REQUEST),
    /** After K tokens, the top-level {@code {"object": "error", ...}} shape, then [DONE]. */
    ERROR_OBJECT("error-object", Param.OPTIONAL, Target.REQUEST),
    /** End the body after K tokens without [DONE]; without K, the whole answer but no [DONE]. */
    NO_DONE("no-done", Param.OPTIONAL, Target.REQUEST),
    /** Stop listening for N seconds (header only; the flag is --fault-restart). */
    RESTART("restart", Param.REQUIRED, Target.SERVER),
    /** Answer /metrics after a delay of N milliseconds. */
    METRICS_SLOW("metrics-slow", Param.REQUIRED, Target.METRICS),
    /** Answer /metrics with 404. */
    METRICS_404("metrics-404", Param.NONE, Target.METRICS),
    /** Answer /metrics with 200 and a body that is not Prometheus text. */
    METRICS_GARBAGE("metrics-garbage", Param.NONE, Target.METRICS);

    enum Param {
        NONE,
        OPTIONAL,
        REQUIRED
    }

    /** What the fault applies to: a completion request, a scrape, or the whole server. */
    enum Target {
        REQUEST,
        METRICS,
        SERVER
    }

    private final String wireName;
    final Param param;
    final Target target;

    FaultKind(String wireName, Param param, Target target) {
        this.wireName = wireName;
        this.param = param;
        this.target = target;
    }

    public String wireName() {
        return wireName;
    }

    static Optional<FaultKind> byWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }

    static String wireNames() {
        return Arrays.stream(values()).map(FaultKind::wireName).collect(Collectors.joining(", "));
    }
}
