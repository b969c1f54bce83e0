package io.benchsuite.prometheus;

import java.util.List;

/** The gauges read from one page, and the notes about what could not be read as expected. */
public record GaugeReading(ServerGauges gauges, List<MappingNote> notes) {

    public GaugeReading {
        notes = List.copyOf(notes);
    }
}
