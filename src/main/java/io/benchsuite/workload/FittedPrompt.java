package io.benchsuite.workload;

/**
 * A prompt fitted to an exact token count, with how many times the counter was asked (in a run each ask is
 * a call to the server's tokenize endpoint).
 */
public record FittedPrompt(String text, int tokens, int counterCalls) {}
