package io.benchsuite.prometheus;

/**
 * The gauges of one successful scrape.
 *
 * @param sentNanos {@link System#nanoTime()} when the request was sent: the server's state is closest to that
 *     instant (plus at most the latency), and it does not drift with parse time as a receive stamp would
 * @param latencyNanos from send to the last byte of the answer, parsing excluded
 */
public record GaugeSample(long sentNanos, long latencyNanos, ServerGauges gauges) {}
