package io.benchsuite.results;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A raw result's file name, written and parsed here only: the kind of benchmark and its coordinates. The names
 * are the original tool's ({@code prompt_ingestion_<i>.json}, {@code kv_cache_profile_input_<in>_output_<out>.json},
 * {@code generation_speed_input_<in>_output_<out>_nb_requests_<n>.json}); its report parsed them back by
 * splitting on '_', so they are the only place where the pair and the level are recorded.
 *
 * @param kind             which benchmark wrote the file
 * @param repetition       the ingestion run index, -1 for the other kinds
 * @param inputLength      the pair's input length, -1 for ingestion
 * @param outputLength     the pair's output length, -1 for ingestion
 * @param parallelRequests the sweep level, -1 except for generation speed
 */
public record RawFileName(BenchmarkKind kind, int repetition, int inputLength, int outputLength, int parallelRequests) {

    private static final Pattern INGESTION = Pattern.compile("prompt_ingestion_(\\d+)\\.json");
    private static final Pattern KV_PROFILE = Pattern.compile("kv_cache_profile_input_(\\d+)_output_(\\d+)\\.json");
    private static final Pattern SPEED =
            Pattern.compile("generation_speed_input_(\\d+)_output_(\\d+)_nb_requests_(\\d+)\\.json");

    /** Empty for a name that none of the three benchmarks writes. */
    public static Optional<RawFileName> parse(String fileName) {
        try {
            Matcher m = INGESTION.matcher(fileName);
            if (m.matches()) {
                return Optional.of(
                        new RawFileName(BenchmarkKind.PROMPT_INGESTION, Integer.parseInt(m.group(1)), -1, -1, -1));
            }
            m = KV_PROFILE.matcher(fileName);
            if (m.matches()) {
                return Optional.of(new RawFileName(
                        BenchmarkKind.KV_CACHE_PROFILE,
                        -1,
                        Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)),
                        -1));
            }
            m = SPEED.matcher(fileName);
            if (m.matches() && Integer.parseInt(m.group(3)) > 0) {
                return Optional.of(new RawFileName(
                        BenchmarkKind.GENERATION_SPEED,
                        -1,
                        Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            }
        } catch (NumberFormatException tooLarge) {
            // Digits that do not fit an int are no name we write.
        }
        return Optional.empty();
    }

    /** The {@code index}-th prompt-ingestion run (0-based). */
    public static RawFileName promptIngestion(int index) {
        return new RawFileName(BenchmarkKind.PROMPT_INGESTION, index, -1, -1, -1);
    }

    /** The KV-cache profile of the pair (input length, output length), in tokens. */
    public static RawFileName kvCacheProfile(int inputLength, int outputLength) {
        return new RawFileName(BenchmarkKind.KV_CACHE_PROFILE, -1, inputLength, outputLength, -1);
    }

    /** One level of the generation-speed sweep: the pair in tokens and the number of parallel requests. */
    public static RawFileName generationSpeed(int inputLength, int outputLength, int parallelRequests) {
        return new RawFileName(BenchmarkKind.GENERATION_SPEED, -1, inputLength, outputLength, parallelRequests);
    }

    /** The file name written, the inverse of {@link #parse}. */
    public String fileName() {
        return switch (kind) {
            case PROMPT_INGESTION -> "prompt_ingestion_" + repetition + ".json";
            case KV_CACHE_PROFILE -> "kv_cache_profile_input_" + inputLength + "_output_" + outputLength + ".json";
            case GENERATION_SPEED ->
                "generation_speed_input_" + inputLength + "_output_" + outputLength + "_nb_requests_" + parallelRequests
                        + ".json";
        };
    }
}
