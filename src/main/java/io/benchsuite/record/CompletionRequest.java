package io.benchsuite.record;

/**
 * One request to send: the prompt, the exact output length asked for, and when the schedule wanted it
 * sent (System.nanoTime units), so that client-side queueing stays visible in the record.
 */
public record CompletionRequest(int internalId, String prompt, int outputTokens, long intendedStartNanos) {}
