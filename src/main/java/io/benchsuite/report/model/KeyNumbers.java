package io.benchsuite.report.model;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The model card's main metrics, each empty when the data behind it is missing (the page then says NA).
 *
 * @param ingestionSpeed        prompt ingestion speed, tokens/s, rounded down to 250
 * @param referenceSpeed        median per-request speed at the reference pair and level, tokens/s
 * @param kvCapacityTokens      KV-cache capacity in tokens, rounded down to 25 000
 * @param kvCapacityExact       whether the capacity came from the server's configuration, not the estimate
 */
public record KeyNumbers(
        OptionalLong ingestionSpeed,
        OptionalDouble referenceSpeed,
        OptionalLong kvCapacityTokens,
        boolean kvCapacityExact) {

    /** The model card's reference point: 1024 input tokens, 128 output tokens, 10 parallel requests. */
    public static final Pair REFERENCE_PAIR = new Pair(1024, 128);

    public static final int REFERENCE_LEVEL = 10;
}
