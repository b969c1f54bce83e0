package io.benchsuite.fidelity;

import io.benchsuite.record.Outcome;
import io.benchsuite.record.RequestRecord;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * How far the client's measurements are from the schedule the server kept. Pure: records in, numbers out.
 *
 * <p>TTFT error of a request = (arrival of its first chunk - start) - the scheduled first-token delay.
 * Inter-token error = (arrival of chunk k - arrival of chunk k-1) - the scheduled interval. A delta shorter
 * than a quarter of the interval means the two tokens were read together (a burst): the client, or the
 * server, fell behind and caught up in one read.
 *
 * @param ttft            TTFT errors, one per successful request
 * @param interToken      inter-token errors, one per consecutive pair of chunks
 * @param burstShare      share of inter-token deltas shorter than a quarter of the interval, 0 to 1
 * @param events          chunks received in all (the unit of the CPU figure)
 * @param failedRequests  requests that did not end with a complete answer, left out of the errors above
 */
@RegisterForReflection
public record TimingErrors(ErrorStats ttft, ErrorStats interToken, double burstShare, long events, int failedRequests) {

    public static TimingErrors of(List<RequestRecord> records, double firstTokenMs, double interTokenMs) {
        int complete = 0;
        int pairs = 0;
        long events = 0;
        for (RequestRecord r : records) {
            events += r.chunkCount();
            if (isComplete(r)) {
                complete++;
                pairs += r.chunkCount() - 1;
            }
        }
        double[] ttft = new double[complete];
        double[] gaps = new double[pairs];
        double burstBelowMs = interTokenMs / 4;
        int t = 0;
        int g = 0;
        int bursts = 0;
        for (RequestRecord r : records) {
            if (!isComplete(r)) {
                continue;
            }
            ttft[t++] = millis(r.chunkNanosAt(0) - r.startNanos()) - firstTokenMs;
            for (int k = 1; k < r.chunkCount(); k++) {
                double delta = millis(r.chunkNanosAt(k) - r.chunkNanosAt(k - 1));
                if (delta < burstBelowMs) {
                    bursts++;
                }
                gaps[g++] = delta - interTokenMs;
            }
        }
        return new TimingErrors(
                ErrorStats.of(ttft),
                ErrorStats.of(gaps),
                pairs == 0 ? 0 : (double) bursts / pairs,
                events,
                records.size() - complete);
    }

    private static boolean isComplete(RequestRecord r) {
        return r.outcome() == Outcome.SUCCESS && r.chunkCount() > 0;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
