package io.benchsuite.simulator;

/**
 * One fault with its parameter, as written {@code kind[:param]} in {@code --fault} and {@code X-Sim-Fault}.
 *
 * @param kind  the fault
 * @param param its number: a status, a token count, milliseconds or seconds depending on the kind; 0 when
 *              the kind takes none or it was left out
 * @param paramGiven whether the spec named a parameter (no-done without one waits for the end of the answer)
 */
public record Fault(FaultKind kind, double param, boolean paramGiven) {

    /**
     * Parses {@code kind[:param]}.
     *
     * @throws IllegalArgumentException with a message naming the spec and what is allowed
     */
    public static Fault parse(String spec) {
        String text = spec.strip();
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        FaultKind kind = FaultKind.byWireName(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown fault '" + name + "' in '" + spec + "', expected one of " + FaultKind.wireNames()));
        if (colon < 0) {
            if (kind.param == FaultKind.Param.REQUIRED) {
                throw new IllegalArgumentException("fault '" + name + "' needs a value, e.g. " + example(kind));
            }
            return new Fault(kind, 0, false);
        }
        if (kind.param == FaultKind.Param.NONE) {
            throw new IllegalArgumentException("fault '" + name + "' takes no value, got '" + spec + "'");
        }
        String value = text.substring(colon + 1);
        double number;
        try {
            number = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "the value of fault '" + name + "' is not a number: '" + value + "', e.g. " + example(kind));
        }
        check(kind, number, spec);
        return new Fault(kind, number, true);
    }

    private static void check(FaultKind kind, double number, String spec) {
        boolean whole = number == Math.rint(number) && !Double.isInfinite(number);
        switch (kind) {
            case STATUS -> require(whole && number >= 400 && number <= 599, spec, "a status from 400 to 599");
            case RESTART -> require(number > 0 && number <= 3600, spec, "seconds above 0 and at most 3600");
            case METRICS_SLOW ->
                require(whole && number >= 0 && number <= 600_000, spec, "milliseconds from 0 to 600000");
            default -> require(whole && number >= 0 && number <= 1_000_000, spec, "a token count of 0 or more");
        }
    }

    private static void require(boolean ok, String spec, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("bad fault value in '" + spec + "': expected " + expected);
        }
    }

    private static String example(FaultKind kind) {
        return switch (kind) {
            case STATUS -> "'status:503'";
            case RESTART -> "'restart:2'";
            case METRICS_SLOW -> "'metrics-slow:1500'";
            default -> "'" + kind.wireName() + ":8'";
        };
    }

    /** The parameter as a whole number (token count, status, milliseconds). */
    int whole() {
        return (int) param;
    }

    @Override
    public String toString() {
        return paramGiven
                ? kind.wireName() + ":"
                        + (param == Math.rint(param) ? String.valueOf((long) param) : String.valueOf(param))
                : kind.wireName();
    }
}
