package io.benchsuite.simulator;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * The fault policy of a {@link FaultConfig}: the {@code X-Sim-Fault} header when allowed, otherwise one seeded
 * draw per request against the configured fractions. A request's draw depends on the seed and on the
 * request's own text seed (its arrival index), not on timing, so a run fails the same requests every time.
 */
public final class ConfiguredFaultPolicy implements FaultPolicy {

    public static final String HEADER = "X-Sim-Fault";

    private final FaultConfig config;
    private final AtomicLong scrapes = new AtomicLong();

    public ConfiguredFaultPolicy(FaultConfig config) {
        this.config = config;
    }

    @Override
    public RequestFaults forRequest(GenerationRequest request, UnaryOperator<String> headers) {
        Optional<Fault> asked = headerFault(headers);
        if (asked.isPresent()) {
            Fault fault = asked.get();
            if (fault.kind().target == FaultKind.Target.METRICS) {
                return rejectionOf(ApiError.badRequest(
                        HEADER + ": '" + fault + "' is a /metrics fault; send it" + " on the /metrics request"));
            }
            return new InjectedFault(fault);
        }
        return pick(config.requestRules(), draw(request.textSeed()))
                .<RequestFaults>map(InjectedFault::new)
                .orElse(RequestFaults.NONE);
    }

    @Override
    public MetricsFault forMetrics(UnaryOperator<String> headers) {
        Optional<Fault> chosen = headerFault(headers);
        if (chosen.isEmpty()) {
            // Scrape keys count down from -1, request keys (text seeds) are far apart: no shared draws.
            chosen = pick(config.metricsRules(), draw(~scrapes.getAndIncrement()));
        }
        return chosen.map(ConfiguredFaultPolicy::metricsFault).orElse(MetricsFault.NONE);
    }

    @Override
    public Optional<RestartCycle> restartCycle() {
        return config.restart();
    }

    /**
     * @throws ApiError.Failure (answered as 400) when the header is allowed but unreadable: a test that
     *                          misspells a fault must not silently get a healthy answer
     */
    private Optional<Fault> headerFault(UnaryOperator<String> headers) {
        if (!config.allowHeader()) {
            return Optional.empty();
        }
        String value = headers.apply(HEADER);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Fault.parse(value));
        } catch (IllegalArgumentException e) {
            throw new ApiError.Failure(ApiError.badRequest(HEADER + ": " + e.getMessage()));
        }
    }

    private static MetricsFault metricsFault(Fault fault) {
        return switch (fault.kind()) {
            case METRICS_SLOW -> new MetricsFault(MetricsFault.Kind.SLOW, fault.whole());
            case METRICS_404 -> new MetricsFault(MetricsFault.Kind.NOT_FOUND, 0);
            case METRICS_GARBAGE -> new MetricsFault(MetricsFault.Kind.GARBAGE, 0);
            default -> MetricsFault.NONE; // a request fault sent to /metrics changes nothing there
        };
    }

    private static RequestFaults rejectionOf(ApiError error) {
        return new RequestFaults() {
            @Override
            public Optional<ApiError> rejection() {
                return Optional.of(error);
            }
        };
    }

    /**
     * A uniform number in [0, 1) fixed by the seed and the key. Added, not xor-ed: a request's key already
     * holds the simulator seed times a constant, which an xor with a like term would cancel; the constant
     * differs from the text generator's so the draw is not tied to the request's words or EOS point.
     */
    private double draw(long key) {
        return new SplittableRandom(config.seed() * 0xD1B54A32D192ED03L + key).nextDouble();
    }

    /** The rule whose share of [0, 1) holds {@code u}, the rules' shares laid end to end in order. */
    static Optional<Fault> pick(List<FaultRule> rules, double u) {
        double upTo = 0;
        for (FaultRule rule : rules) {
            upTo += rule.fraction();
            if (u < upTo) {
                return Optional.of(rule.fault());
            }
        }
        return Optional.empty();
    }
}
