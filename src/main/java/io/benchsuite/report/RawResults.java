package io.benchsuite.report;

import java.util.ArrayList;
import java.util.Comparator;
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

    /**
     * The same files sorted again with another validity threshold, so a caller that needs the files before it
     * knows the threshold (a redraw reads it from the recorded parameters) reads the folder once.
     */
    public RawResults withMinValidQueries(int minValidQueries) {
        List<RawRun> nowKept = new ArrayList<>();
        List<RawRun> nowTooFew = new ArrayList<>();
        for (List<RawRun> runs : List.of(kept, tooFewValid)) {
            for (RawRun run : runs) {
                (run.validQueries() >= minValidQueries ? nowKept : nowTooFew).add(run);
            }
        }
        nowKept.sort(Comparator.comparing(RawRun::fileName));
        nowTooFew.sort(Comparator.comparing(RawRun::fileName));
        return new RawResults(nowKept, nowTooFew, warnings);
    }
}
