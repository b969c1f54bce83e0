package io.benchsuite.prometheus;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Passes each {@link MappingNote} to the sink the first time its key is seen and drops the repeats: a missing
 * family is worth one clear warning per poller, not one every 10 ms. Thread-safe.
 */
public final class OnceReporter {

    private final Consumer<String> sink;
    private final Set<String> reported = new HashSet<>();

    public OnceReporter(Consumer<String> sink) {
        this.sink = sink;
    }

    public void report(MappingNote note) {
        boolean first;
        synchronized (reported) {
            first = reported.add(note.key());
        }
        if (first) {
            sink.accept(note.message());
        }
    }
}
