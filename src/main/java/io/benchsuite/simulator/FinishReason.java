package io.benchsuite.simulator;

/** Why a request ended, with vLLM's wire names. */
public enum FinishReason {
    /** max_tokens reached. */
    LENGTH("length"),
    /** EOS token or stop string. */
    STOP("stop");

    private final String wireName;

    FinishReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
