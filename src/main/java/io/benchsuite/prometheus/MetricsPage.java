package io.benchsuite.prometheus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One parsed exposition page: families by name (in page order) and the warnings of the lines that could not
 * be read. A page with warnings is still usable: every readable line is in it.
 */
public record MetricsPage(Map<String, MetricFamily> families, List<String> warnings) {

    public MetricsPage {
        families = Collections.unmodifiableMap(new LinkedHashMap<>(families));
        warnings = List.copyOf(warnings);
    }

    /**
     * The family called {@code name}. Counters are found under both spellings, because the classic text
     * format names the family {@code foo_total} while OpenMetrics names it {@code foo}: asking for either
     * finds the counter whichever format the server chose.
     */
    public Optional<MetricFamily> family(String name) {
        MetricFamily exact = families.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        String alias = name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name + "_total";
        MetricFamily counter = families.get(alias);
        return counter != null && counter.type() == MetricType.COUNTER ? Optional.of(counter) : Optional.empty();
    }

    public int sampleCount() {
        int count = 0;
        for (MetricFamily family : families.values()) {
            count += family.samples().size();
        }
        return count;
    }
}
