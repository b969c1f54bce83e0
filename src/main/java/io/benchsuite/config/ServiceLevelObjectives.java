package io.benchsuite.config;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The service-level objectives of the {@code slo} setting, parsed from text such as
 * {@code ttft_p90=0.5s,itl_p90=50ms,speed_p50=20}. Pure: no clock, no files.
 *
 * <p>Each objective reads "at least P % of the requests meet the bound": for a latency, the P-th percentile
 * of the requests' values is at most the bound; for the speed, the (100 - P)-th percentile is at least the
 * bound (so {@code speed_p90=20} asks 90 % of the requests to reach 20 tokens/s). The evaluation is
 * {@code io.benchsuite.stats.SloCriterion}; the definitions are in docs/statistics.md.
 *
 * @param objectives at least one, at most one per (quantity, percentile), in the order written
 */
public record ServiceLevelObjectives(List<Objective> objectives) {

    /** The example given in error messages and the docs. */
    public static final String EXAMPLE = "ttft_p90=0.5s,itl_p90=50ms,speed_p50=20";

    private static final Pattern OBJECTIVE = Pattern.compile("([a-z0-9]+)_p([0-9]+(?:\\.[0-9]+)?)");
    private static final Pattern VALUE =
            Pattern.compile("-?([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?\\s*([a-z/]*)");

    /**
     * One objective.
     *
     * @param quantity   what it bounds
     * @param percentile P, the share of requests in percent that must meet the bound, in (0, 100]
     * @param bound      seconds for latencies (an upper bound), tokens per second for the speed (a lower bound)
     */
    public record Objective(SloQuantity quantity, double percentile, double bound) {

        /** The objective as it is written, e.g. {@code ttft_p90=0.5s} or {@code itl_p99.9=50ms}. */
        public String text() {
            String value;
            if (!quantity.latency()) {
                value = number(bound);
            } else if (bound < 1) {
                value = number(bound * 1000) + "ms";
            } else {
                value = number(bound) + "s";
            }
            return quantity.key() + "_p" + number(percentile) + "=" + value;
        }

        /** Whether a request's value meets the bound: at most it for a latency, at least it for the speed. */
        public boolean met(double value) {
            return quantity.latency() ? value <= bound : value >= bound;
        }
    }

    public ServiceLevelObjectives {
        objectives = List.copyOf(objectives);
        if (objectives.isEmpty()) {
            throw new IllegalArgumentException("no objective");
        }
    }

    /** The objectives written back, comma-separated, e.g. {@code ttft_p90=500ms,speed_p50=20}. */
    public String text() {
        return objectives.stream().map(Objective::text).collect(Collectors.joining(","));
    }

    /**
     * Parses the setting's text: objectives separated by commas, each {@code <quantity>_p<P>=<value>}, where the
     * quantity is ttft, ttfc, itl, e2e or speed, P is in (0, 100] and the value of a latency carries its unit
     * ({@code s} or {@code ms}) while the speed's is tokens/s (written bare, or with {@code tokens/s} or
     * {@code t/s}). Spaces around the parts are allowed.
     *
     * @throws UsageException one line naming the objective at fault and the fix
     */
    public static ServiceLevelObjectives parse(String text) {
        if (text == null || text.isBlank()) {
            throw error("it is empty", "give at least one objective");
        }
        List<Objective> objectives = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (String part : text.split(",", -1)) {
            String item = part.strip().toLowerCase(Locale.ROOT);
            if (item.isEmpty()) {
                throw error("'" + text.strip() + "' has an empty objective", "remove the extra comma");
            }
            int equals = item.indexOf('=');
            if (equals < 0) {
                throw error("'" + item + "' has no '='", "write each objective as <quantity>_p<percentile>=<value>");
            }
            String name = item.substring(0, equals).strip();
            String value = item.substring(equals + 1).strip();
            Objective objective = objective(item, name, value);
            if (!seen.add(objective.quantity().key() + "_p" + number(objective.percentile()))) {
                throw error("'" + name + "' is given twice", "keep one value for it");
            }
            objectives.add(objective);
        }
        return new ServiceLevelObjectives(objectives);
    }

    private static Objective objective(String item, String name, String value) {
        Matcher m = OBJECTIVE.matcher(name);
        if (!m.matches()) {
            throw error(
                    "'" + name + "' is not <quantity>_p<percentile>",
                    "write e.g. ttft_p90, with the quantity one of " + SloQuantity.keys());
        }
        SloQuantity quantity = SloQuantity.byKey(m.group(1))
                .orElseThrow(() -> error(
                        "'" + m.group(1) + "' in '" + name + "' is not a known quantity", "use " + SloQuantity.keys()));
        double percentile = Double.parseDouble(m.group(2));
        if (!(percentile > 0 && percentile <= 100)) {
            throw error("the percentile of '" + name + "' must be above 0 and at most 100", "write e.g. p90 or p99.9");
        }
        Matcher v = VALUE.matcher(value);
        if (!v.matches()) {
            throw error(
                    "'" + item + "' has no number after '='",
                    quantity.latency()
                            ? "write e.g. " + name + "=0.5s or " + name + "=500ms"
                            : "write e.g. " + name + "=20");
        }
        double number = Double.parseDouble(value.substring(0, v.start(2)).strip());
        String unit = v.group(2);
        double bound;
        if (quantity.latency()) {
            bound = switch (unit) {
                case "s" -> number;
                case "ms" -> number / 1000;
                case "" ->
                    throw error(
                            "'" + item + "' has no unit",
                            "write it out, e.g. " + name + "=" + number(number) + "s or " + name + "=" + number(number)
                                    + "ms");
                default -> throw error("'" + unit + "' in '" + item + "' is not a unit of time", "use s or ms");
            };
        } else {
            if (!(unit.isEmpty() || unit.equals("tokens/s") || unit.equals("t/s"))) {
                throw error(
                        "'" + unit + "' in '" + item + "' is not a speed unit",
                        "write the speed in tokens/s, e.g. " + name + "=20");
            }
            bound = number;
        }
        if (!(bound > 0) || Double.isInfinite(bound)) {
            throw error("the bound of '" + item + "' must be above 0", "give a positive value");
        }
        return new Objective(quantity, percentile, bound);
    }

    private static UsageException error(String problem, String fix) {
        return new UsageException("Invalid slo: " + problem + "; " + fix + " ("
                + SettingsCatalog.get("slo").spellings() + ", e.g. " + EXAMPLE + ")");
    }

    /** The quantities these objectives bound. */
    public Set<SloQuantity> quantities() {
        Set<SloQuantity> set = EnumSet.noneOf(SloQuantity.class);
        objectives.forEach(o -> set.add(o.quantity()));
        return set;
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
