package io.benchsuite.prometheus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * Reads {@link ServerGauges} from a page. Pure: the same page always gives the same reading.
 *
 * <p>A family may hold several series: one per data-parallel engine ({@code engine} label), per served model
 * or LoRA adapter ({@code model_name}), or per API-server process. When the served model name is known and
 * appears among a family's {@code model_name} values, only its series count; otherwise every series counts
 * (a mismatch is noted, since an alias or path as model name would otherwise silently read nothing). The
 * series left are combined as {@link ServerGauge} says: summed for request counts, maximum for KV usage.
 * NaN samples are ignored.
 */
public final class ServerGaugeMapper {

    static final String MODEL_LABEL = "model_name";

    private final Optional<String> servedModelName;

    public ServerGaugeMapper(Optional<String> servedModelName) {
        this.servedModelName = servedModelName;
    }

    public GaugeReading read(MetricsPage page) {
        List<MappingNote> notes = new ArrayList<>();
        OptionalDouble running = read(page, ServerGauge.RUNNING_REQUESTS, notes);
        OptionalDouble waiting = read(page, ServerGauge.WAITING_REQUESTS, notes);
        OptionalDouble kvUsage = read(page, ServerGauge.KV_CACHE_USAGE, notes);
        return new GaugeReading(new ServerGauges(running, waiting, kvUsage), notes);
    }

    private OptionalDouble read(MetricsPage page, ServerGauge gauge, List<MappingNote> notes) {
        for (String familyName : gauge.familyNames()) {
            Optional<MetricFamily> family = page.family(familyName);
            if (family.isPresent()) {
                OptionalDouble value = combine(gauge, seriesOf(family.get(), notes));
                if (value.isPresent()) {
                    return value;
                }
            }
        }
        notes.add(new MappingNote("missing:" + gauge.name(), "the metrics page has no usable "
                + String.join(" or ", gauge.familyNames()) + ": " + gauge.description() + " will be left empty"));
        return OptionalDouble.empty();
    }

    private List<Sample> seriesOf(MetricFamily family, List<MappingNote> notes) {
        List<Sample> all = family.measurementSamples();
        if (servedModelName.isEmpty()) {
            return all;
        }
        String model = servedModelName.get();
        List<Sample> matching = all.stream().filter(s -> model.equals(s.labels().get(MODEL_LABEL))).toList();
        if (!matching.isEmpty()) {
            return matching;
        }
        TreeSet<String> listed = new TreeSet<>();
        all.forEach(s -> s.label(MODEL_LABEL).ifPresent(listed::add));
        if (!listed.isEmpty()) {
            notes.add(new MappingNote("model:" + family.name(), "model name '" + model + "' is not among the "
                    + MODEL_LABEL + " values " + listed + " of " + family.name() + ": all its series are used"));
        }
        return all;
    }

    private static OptionalDouble combine(ServerGauge gauge, List<Sample> series) {
        boolean any = false;
        double result = 0;
        for (Sample sample : series) {
            if (Double.isNaN(sample.value())) {
                continue;
            }
            result = any ? gauge.combine(result, sample.value()) : sample.value();
            any = true;
        }
        return any ? OptionalDouble.of(result) : OptionalDouble.empty();
    }
}
