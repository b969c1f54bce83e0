package io.benchsuite.schedule;

/**
 * When a benchmark stops sending: never after {@code maxDuration}; before that, it goes on while the
 * minimum duration has not passed OR the target count has not been sent (the original tool's rule).
 * Requests already sent always run to completion.
 */
public record StopRule(double maxDurationSeconds, double minDurationSeconds, int targetQueries) {

    public StopRule {
        if (!(maxDurationSeconds > 0) || minDurationSeconds < 0 || targetQueries < 0) {
            throw new IllegalArgumentException("durations must be positive and counts non-negative");
        }
    }

    /**
     * Only a maximum duration: min duration = max duration, so no target ends the run early (the count is
     * capped by the number of prompts, as in the original tool).
     */
    public static StopRule maxDurationOnly(double maxDurationSeconds) {
        return new StopRule(maxDurationSeconds, maxDurationSeconds, 0);
    }

    public boolean mayContinue(double elapsedSeconds, int sent) {
        return elapsedSeconds < maxDurationSeconds && (elapsedSeconds < minDurationSeconds || sent < targetQueries);
    }
}
