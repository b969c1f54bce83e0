package io.benchsuite.simulator;

/**
 * A fault injected into a fraction of requests (or scrapes), written {@code kind[:param][@fraction]}.
 *
 * @param fault    what happens
 * @param fraction the share of requests it happens to, in (0, 1]; 1 when the spec gives none
 */
public record FaultRule(Fault fault, double fraction) {

    public FaultRule {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("a fault fraction must be above 0 and at most 1, got " + fraction);
        }
    }

    /** @throws IllegalArgumentException naming the spec and the rule it breaks */
    public static FaultRule parse(String spec) {
        int at = spec.lastIndexOf('@');
        Fault fault = Fault.parse(at < 0 ? spec : spec.substring(0, at));
        if (at < 0) {
            return new FaultRule(fault, 1);
        }
        String value = spec.substring(at + 1).strip();
        double fraction;
        try {
            fraction = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the fraction in '" + spec + "' is not a number: '" + value
                    + "', e.g. 'status:500@0.1' for one request in ten");
        }
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException(
                    "the fraction in '" + spec + "' must be above 0 and at most 1, got " + value);
        }
        return new FaultRule(fault, fraction);
    }

    @Override
    public String toString() {
        return fault + "@" + fraction;
    }
}
