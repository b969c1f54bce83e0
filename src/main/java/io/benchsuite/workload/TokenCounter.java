package io.benchsuite.workload;

/**
 * Counts the tokens of a text as the server under test would: in a run, a call to its tokenize endpoint; in
 * tests, the simulator's tokenizer. It may throw if the count cannot be had (the caller reports that).
 */
@FunctionalInterface
public interface TokenCounter {

    int count(String text);
}
