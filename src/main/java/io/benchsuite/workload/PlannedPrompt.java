package io.benchsuite.workload;

/** One prompt of a run, in sending order: {@code internalId} is its index in the plan, as in the seed. */
public record PlannedPrompt(int internalId, String text) {}
