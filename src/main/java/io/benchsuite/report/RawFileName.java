package io.benchsuite.report;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a raw result's file name says about it: the kind of benchmark and its coordinates. The names are the
 * original tool's; its report parsed them back by splitting on '_', so they are the only place where the
 * pair and the level are recorded.
 *
 * @param kind             which benchmark wrote the file
 * @param repetition       the ingestion run index, -1 for the other kinds
 * @param inputLength      the pair's input length, -1 for ingestion
 * @param outputLength     the pair's output length, -1 for ingestion
 * @param parallelRequests the sweep level, -1 except for generation speed
 */
public record RawFileName(Kind kind, int repetition, int inputLength, int outputLength, int parallelRequests) {

    public enum Kind { PROMPT_INGESTION, KV_CACHE_PROFILE, GENERATION_SPEED }

    private static final Pattern INGESTION = Pattern.compile("prompt_ingestion_(\\d+)\\.json");
    private static final Pattern KV_PROFILE = Pattern.compile("kv_cache_profile_input_(\\d+)_output_(\\d+)\\.json");
    private static final Pattern SPEED =
            Pattern.compile("generation_speed_input_(\\d+)_output_(\\d+)_nb_requests_(\\d+)\\.json");

    /** Empty for a name that none of the three benchmarks writes. */
    public static Optional<RawFileName> parse(String fileName) {
        try {
            Matcher m = INGESTION.matcher(fileName);
            if (m.matches()) {
                return Optional.of(new RawFileName(Kind.PROMPT_INGESTION, Integer.parseInt(m.group(1)), -1, -1, -1));
            }
            m = KV_PROFILE.matcher(fileName);
            if (m.matches()) {
                return Optional.of(new RawFileName(Kind.KV_CACHE_PROFILE, -1, Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)), -1));
            }
            m = SPEED.matcher(fileName);
            if (m.matches() && Integer.parseInt(m.group(3)) > 0) {
                return Optional.of(new RawFileName(Kind.GENERATION_SPEED, -1, Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            }
        } catch (NumberFormatException tooLarge) {
            // Digits that do not fit an int are no name we write.
        }
        return Optional.empty();
    }

    public Pair pair() {
        return new Pair(inputLength, outputLength);
    }
}
