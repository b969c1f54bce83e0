package io.benchsuite.prometheus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * Reads {@link ServerGauges} from a page. Pure: the same page always gives the same reading.
 *
 * <p>The page's server kind is recognised from its family names ({@link MetricsDialect#of}), and each gauge
 * is read from that server's families, the preferred one first. A gauge the server does not publish (TGI's
 * KV usage) stays empty with a note saying so; a page of no known server gives no values and one note.
 *
 * <p>A family may hold several series: one per data-parallel engine ({@code engine} label), per Ray replica,
 * per served model or LoRA adapter ({@code model_name}), or per API-server process. When the served model name
 * is known and appears among a family's {@code model_name} values, only its series count; otherwise every
 * series counts (a mismatch is noted, since an alias or path as model name would otherwise silently read
 * nothing). The series left are combined as {@link ServerGauge} says: summed for request counts, maximum for
 * KV usage. NaN samples are ignored.
 */
public final class ServerGaugeMapper {

    static final String MODEL_LABEL = "model_name";

    private final Optional<String> servedModelName;

    public ServerGaugeMapper(Optional<String> servedModelName) {
        this.servedModelName = servedModelName;
    }

    public GaugeReading read(MetricsPage page) {
        Optional<MetricsDialect> dialect = MetricsDialect.of(page);
        if (dialect.isEmpty()) {
            return new GaugeReading(
                    ServerGauges.NONE,
                    List.of(new MappingNote(
                            "unknown-server",
                            "the metrics page"
                                    + " has none of the families of " + MetricsDialect.knownServers()
                                    + ": running requests,"
                                    + " waiting requests and KV-cache usage will be left empty")));
        }
        List<MappingNote> notes = new ArrayList<>();
        OptionalDouble running = read(page, dialect.get(), ServerGauge.RUNNING_REQUESTS, notes);
        OptionalDouble waiting = read(page, dialect.get(), ServerGauge.WAITING_REQUESTS, notes);
        OptionalDouble kvUsage = read(page, dialect.get(), ServerGauge.KV_CACHE_USAGE, notes);
        return new GaugeReading(new ServerGauges(running, waiting, kvUsage), notes);
    }

    private OptionalDouble read(MetricsPage page, MetricsDialect dialect, ServerGauge gauge, List<MappingNote> notes) {
        List<GaugeSource> sources = dialect.sources(gauge);
        for (GaugeSource source : sources) {
            List<Sample> series = source.series(page);
            if (!series.isEmpty()) {
                OptionalDouble value = combine(gauge, seriesOf(source, series, notes));
                if (value.isPresent()) {
                    return value;
                }
            }
        }
        Optional<String> absence = dialect.absence(gauge);
        if (absence.isPresent()) {
            notes.add(new MappingNote(
                    "absent:" + gauge.name(), absence.get() + ": " + gauge.description() + " will be left empty"));
        } else {
            notes.add(new MappingNote(
                    "missing:" + gauge.name(),
                    "the " + dialect.displayName() + " metrics page"
                            + " has no usable "
                            + String.join(
                                    " or ",
                                    sources.stream().map(GaugeSource::describe).toList())
                            + ": " + gauge.description() + " will be left empty"));
        }
        return OptionalDouble.empty();
    }

    private List<Sample> seriesOf(GaugeSource source, List<Sample> all, List<MappingNote> notes) {
        if (servedModelName.isEmpty()) {
            return all;
        }
        String model = servedModelName.get();
        List<Sample> matching = all.stream()
                .filter(s -> model.equals(s.labels().get(MODEL_LABEL)))
                .toList();
        if (!matching.isEmpty()) {
            return matching;
        }
        TreeSet<String> listed = new TreeSet<>();
        all.forEach(s -> s.label(MODEL_LABEL).ifPresent(listed::add));
        if (!listed.isEmpty()) {
            notes.add(new MappingNote(
                    "model:" + source.familyName(),
                    "model name '" + model + "' is not among the " + MODEL_LABEL + " values " + listed + " of "
                            + source.familyName() + ": all its series are used"));
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
