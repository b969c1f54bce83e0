package io.benchsuite.stats;

/**
 * The maxima of the live server metrics over a run, taken by whoever polled them. A backend without a
 * metrics endpoint reports {@link #UNAVAILABLE}, whose values are -1 as in the original tool's JSON.
 *
 * @param maxKvCache          highest KV-cache usage seen, a fraction from 0 to 1
 * @param maxRequestsRunning  highest number of running requests seen
 * @param maxRequestsWaiting  highest number of waiting requests seen
 */
public record ServerPeaks(double maxKvCache, double maxRequestsRunning, double maxRequestsWaiting) {

    public static final ServerPeaks UNAVAILABLE = new ServerPeaks(-1, -1, -1);

    public boolean available() {
        return maxKvCache >= 0;
    }
}
