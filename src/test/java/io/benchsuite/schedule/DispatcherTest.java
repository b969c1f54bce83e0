package io.benchsuite.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.record.CompletionRequest;
import io.benchsuite.record.ErrorKind;
import io.benchsuite.record.Outcome;
import io.benchsuite.record.RequestRecord;
import io.benchsuite.time.FakeClock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Scheduling logic on a fake clock, with a sender that answers after a fixed delay of that clock's time:
 * what is checked here is who is sent when, to the nanosecond and without sleeping, not HTTP (the client
 * and the simulator are tested over real sockets elsewhere, ManyStreamsTest with this dispatcher).
 */
class DispatcherTest {

    private static final long MS = 1_000_000L;

    private final FakeClock clock = new FakeClock(5_000 * MS);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final List<Integer> inFlightAtSend = Collections.synchronizedList(new ArrayList<>());

    private Sender answeringAfter(long millis) {
        return request -> {
            inFlightAtSend.add(inFlight.incrementAndGet());
            maxInFlight.accumulateAndGet(inFlight.get(), Math::max);
            CompletableFuture<RequestRecord> f = new CompletableFuture<>();
            long start = clock.nanoTime();
            // A little spread per request, as real answers have, so completions do not land in waves.
            long delay = millis + request.internalId() % 7;
            clock.after(delay * MS, () -> {
                inFlight.decrementAndGet();
                f.complete(record(request, start, clock.nanoTime()));
            });
            return f;
        };
    }

    private double secondsSince(long startNanos) {
        return (clock.nanoTime() - startNanos) / 1e9;
    }

    private static RequestRecord record(CompletionRequest request, long start, long end) {
        return RequestRecord.withoutServerDetails(
                request.internalId(),
                request.prompt(),
                request.outputTokens(),
                request.intendedStartNanos(),
                start,
                end,
                new long[0],
                new int[0],
                1,
                0,
                Outcome.SUCCESS,
                ErrorKind.NONE,
                200,
                "",
                null);
    }

    private static List<String> prompts(int n) {
        return IntStream.range(0, n).mapToObj(i -> "p" + i).toList();
    }

    @Test
    void constantConcurrencyKeepsExactlyNInFlight() throws Exception {
        Dispatcher d = new Dispatcher(answeringAfter(20), clock, Progress.NONE, 4);
        List<RequestRecord> records = d.constantConcurrency(prompts(40), 4, StopRule.maxDurationOnly(30));
        assertEquals(40, records.size());
        assertEquals(4, maxInFlight.get(), "never more than N");
        // Answers that land in the same instant can be seen one by one, so "N at every send" is too strict a
        // check of a closed loop; a mean near N is not (a loop that waited for whole waves would give 2.5).
        double mean =
                inFlightAtSend.stream().mapToInt(Integer::intValue).average().orElse(0);
        assertTrue(mean >= 3.2, "each answer is followed by a send at once: " + inFlightAtSend);
    }

    @Test
    void constantConcurrencyStopsOnceMinDurationAndTargetAreReached() throws Exception {
        Dispatcher d = new Dispatcher(answeringAfter(10), clock, Progress.NONE, 4);
        long start = clock.nanoTime();
        List<RequestRecord> records = d.constantConcurrency(prompts(10_000), 2, new StopRule(30, 0.3, 5));
        double seconds = secondsSince(start);
        assertTrue(seconds >= 0.3 && seconds < 5, "ran " + seconds + " s");
        assertTrue(records.size() >= 5 && records.size() < 10_000, "sent " + records.size());
        // No request is sent after 0.3 s, and the last ones end at most one answer (10 + 6 ms) later.
        assertTrue(seconds <= 0.3 + 0.016, "ran " + seconds + " s");
        assertTrue(records.stream().allMatch(r -> r.intendedStartNanos() - start < 300 * MS));
    }

    @Test
    void maxDurationEndsARunEvenUnderTarget() throws Exception {
        Dispatcher d = new Dispatcher(answeringAfter(50), clock, Progress.NONE, 4);
        long start = clock.nanoTime();
        List<RequestRecord> records = d.constantConcurrency(prompts(10_000), 1, new StopRule(0.3, 0.3, 10_000));
        double seconds = secondsSince(start);
        assertTrue(seconds < 2, "ran " + seconds + " s");
        assertTrue(seconds >= 0.3 && seconds <= 0.3 + 0.056, "ran " + seconds + " s");
        assertTrue(records.size() < 10_000, "sent " + records.size());
    }

    @Test
    void growingBurstsSendOneThenTwoThenThreeAtOnce() throws Exception {
        Dispatcher d = new Dispatcher(answeringAfter(20), clock, Progress.NONE, 4);
        List<RequestRecord> records = d.growingBursts(prompts(10), StopRule.maxDurationOnly(30), 0.01);
        assertEquals(10, records.size(), "bursts 1+2+3+4 use the 10 prompts exactly");
        assertEquals(4, maxInFlight.get());
        // Within a burst, every request shares one intended start.
        long distinctStarts = records.stream()
                .mapToLong(RequestRecord::intendedStartNanos)
                .distinct()
                .count();
        assertEquals(4, distinctStarts);
        assertEquals(List.of(10 * MS, 10 * MS, 10 * MS, 10 * MS), clock.sleeps(), "a pause before each burst");
    }

    @Test
    void growingBurstsNeverSendAPartialBurst() throws Exception {
        Dispatcher d = new Dispatcher(answeringAfter(5), clock, Progress.NONE, 4);
        assertEquals(
                6,
                d.growingBursts(prompts(8), StopRule.maxDurationOnly(30), 0.01).size());
    }

    @Test
    void poissonArrivalsFollowTheirScheduleWithoutWaitingForAnswers() throws Exception {
        Dispatcher d = new Dispatcher(answeringAfter(200), clock, Progress.NONE, 4);
        List<RequestRecord> records = d.poissonArrivals(prompts(30), 100, 3, StopRule.maxDurationOnly(30));
        assertEquals(30, records.size());
        assertTrue(maxInFlight.get() > 5, "open loop: arrivals do not wait for answers");
        double lateMs = records.stream()
                        .mapToLong(r -> r.startNanos() - r.intendedStartNanos())
                        .max()
                        .orElse(0)
                / 1e6;
        assertTrue(lateMs < 100, "sends follow the schedule: worst lag " + lateMs + " ms");
        assertEquals(0, lateMs, "on a fake clock every send is exactly on time");
        long[] offsets = records.stream()
                .mapToLong(RequestRecord::intendedStartNanos)
                .sorted()
                .toArray();
        assertTrue(offsets[offsets.length - 1] > offsets[0], "arrivals are spread in time");
    }

    @Test
    void infiniteRateSendsAllAtOnce() throws Exception {
        Dispatcher d = new Dispatcher(answeringAfter(100), clock, Progress.NONE, 4);
        d.poissonArrivals(prompts(20), Double.POSITIVE_INFINITY, 3, StopRule.maxDurationOnly(30));
        assertEquals(20, maxInFlight.get());
    }

    @Test
    void requestStopEndsSendingAndKeepsRecords() throws Exception {
        Dispatcher d = new Dispatcher(answeringAfter(10), clock, Progress.NONE, 4);
        List<String> many = prompts(100_000);
        long start = clock.nanoTime();
        clock.after(150 * MS, d::requestStop);
        List<RequestRecord> records = d.constantConcurrency(many, 2, StopRule.maxDurationOnly(30));
        assertTrue(records.size() > 0 && records.size() < 100_000, "records: " + records.size());
        assertTrue(
                records.stream().allMatch(r -> r.intendedStartNanos() - start <= 150 * MS),
                "nothing sent after the stop");
    }
}
