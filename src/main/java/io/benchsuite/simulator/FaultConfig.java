package io.benchsuite.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The faults a simulator injects, parsed and validated from {@code bench-suite simulate}'s flags.
 *
 * <p>Fractions are shares of one seeded draw per request (and one per scrape): the rules split [0, 1) in
 * the order given, so {@code status:500@0.1} and {@code drop:5@0.2} fail 10% and 20% of requests, never
 * the same one, and their sum may not exceed 1.
 *
 * @param requestRules  faults of completion requests, in the order given
 * @param metricsRules  faults of {@code /metrics} scrapes, in the order given
 * @param restart       a periodic restart, if any
 * @param allowHeader   whether {@code X-Sim-Fault} on a request is obeyed
 * @param seed          seeds the draws, so the same requests fail on every run
 */
public record FaultConfig(
        List<FaultRule> requestRules,
        List<FaultRule> metricsRules,
        Optional<RestartCycle> restart,
        boolean allowHeader,
        long seed) {

    /** No fault, no header: the simulator as it is. */
    public static final FaultConfig NONE = new FaultConfig(List.of(), List.of(), Optional.empty(), false, 0);

    public FaultConfig {
        requestRules = List.copyOf(requestRules);
        metricsRules = List.copyOf(metricsRules);
        checkShares(requestRules, "request");
        checkShares(metricsRules, "/metrics");
    }

    /** Only the header, for tests that choose each request's fault. */
    public static FaultConfig headerOnly() {
        return new FaultConfig(List.of(), List.of(), Optional.empty(), true, 0);
    }

    /**
     * @param faultSpecs   {@code --fault} values, {@code kind[:param][@fraction]}
     * @param restartSpec  {@code --fault-restart UP:DOWN} in seconds, null when absent
     * @throws IllegalArgumentException with a one-line message naming the flag value and the fix
     */
    public static FaultConfig parse(List<String> faultSpecs, String restartSpec, boolean allowHeader, long seed) {
        List<FaultRule> requests = new ArrayList<>();
        List<FaultRule> metrics = new ArrayList<>();
        for (String spec : faultSpecs) {
            FaultRule rule = FaultRule.parse(spec);
            switch (rule.fault().kind().target) {
                case REQUEST -> requests.add(rule);
                case METRICS -> metrics.add(rule);
                case SERVER ->
                    throw new IllegalArgumentException("--fault " + spec + ": a restart is not drawn per"
                            + " request; use --fault-restart UP:DOWN (seconds), or the X-Sim-Fault header");
            }
        }
        Optional<RestartCycle> restart =
                restartSpec == null ? Optional.empty() : Optional.of(parseRestart(restartSpec));
        return new FaultConfig(requests, metrics, restart, allowHeader, seed);
    }

    private static RestartCycle parseRestart(String spec) {
        String[] parts = spec.split(":", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException(
                    "--fault-restart expects UP:DOWN in seconds (e.g. 30:5), got '" + spec + "'");
        }
        return new RestartCycle(seconds(parts[0], spec), seconds(parts[1], spec));
    }

    private static Duration seconds(String value, String spec) {
        double s;
        try {
            s = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            s = Double.NaN;
        }
        if (!(s > 0 && s <= 86_400)) {
            throw new IllegalArgumentException("--fault-restart expects UP:DOWN, two durations in seconds above 0"
                    + " (e.g. 30:5), got '" + spec + "'");
        }
        return Duration.ofNanos(Math.round(s * 1e9));
    }

    private static void checkShares(List<FaultRule> rules, String what) {
        double sum = rules.stream().mapToDouble(FaultRule::fraction).sum();
        if (sum > 1 + 1e-9) {
            throw new IllegalArgumentException("the " + what + " fault fractions add up to " + sum + " (" + rules
                    + "); each request suffers at most one fault, so they must add up to 1 or less");
        }
    }

    public boolean injectsNothing() {
        return requestRules.isEmpty() && metricsRules.isEmpty() && restart.isEmpty() && !allowHeader;
    }
}
