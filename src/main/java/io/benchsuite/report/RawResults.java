package io.benchsuite.report;

import java.util.List;

/**
 * The raw result files of one output folder, as the report sees them.
 *
 * @param kept        readable files with enough valid queries: the report is drawn from these
 * @param tooFewValid readable files left out by the validity filter, kept to say which levels ran
 * @param warnings    one line per file that could not be used at all (not JSON, missing keys, unknown name)
 */
public record RawResults(List<RawRun> kept, List<RawRun> tooFewValid, List<String> warnings) {

    public RawResults {
        kept = List.copyOf(kept);
        tooFewValid = List.copyOf(tooFewValid);
        warnings = List.copyOf(warnings);
    }
}
