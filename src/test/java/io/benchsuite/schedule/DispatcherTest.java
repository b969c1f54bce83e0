package io.benchsuite.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.client.CompletionRequest;
import io.benchsuite.record.ErrorKind;
import io.benchsuite.record.Outcome;
import io.benchsuite.record.RequestRecord;
import io.benchsuite.time.Ticker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Scheduling logic with a sender that answers after a fixed delay: what is checked here is who is sent
 * when, not HTTP (the client and the simulator are tested over real sockets elsewhere).
 */
class DispatcherTest {

    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final List<Integer> inFlightAtSend = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private Sender answeringAfter(long millis) {
        return request -> {
            inFlightAtSend.add(inFlight.incrementAndGet());
            maxInFlight.accumulateAndGet(inFlight.get(), Math::max);
            CompletableFuture<RequestRecord> f = new CompletableFuture<>();
            long start = System.nanoTime();
            // A little spread per request, as real answers have, so completions do not land in waves.
            long delay = millis + request.internalId() % 7;
            timer.schedule(() -> {
                inFlight.decrementAndGet();
                f.complete(record(request, start, System.nanoTime()));
            }, delay, TimeUnit.MILLISECONDS);
            return f;
        };
    }

    private static RequestRecord record(CompletionRequest request, long start, long end) {
        return new RequestRecord(request.internalId(), request.prompt(), request.outputTokens(),
                request.intendedStartNanos(), start, end, new long[0], new int[0], 1, 0, Outcome.SUCCESS,
                ErrorKind.NONE, 200, "", null);
    }

    private static List<String> prompts(int n) {
        return IntStream.range(0, n).mapToObj(i -> "p" + i).toList();
    }

    @Test
    void constantConcurrencyKeepsExactlyNInFlight() throws Exception {
        Dispatcher d = new Dispatcher(answeringAfter(20), Ticker.SYSTEM, Progress.NONE, 4);
        List<RequestRecord> records = d.constantConcurrency(prompts(40), 4, StopRule.maxDurationOnly(30));
        assertEquals(40, records.size());
        assertEquals(4, maxInFlight.get(), "never more than N");
        // Answers that land in the same instant can be seen one by one, so "N at every send" is too strict a
        // check of a closed loop; a mean near N is not (a loop that waited for whole waves would give 2.5).
        double mean = inFlightAtSend.stream().mapToInt(Integer::intValue).average().orElse(0);
        assertTrue(mean >= 3.2, "each answer is followed by a send at once: " + inFlightAtSend);
    }

    @Test
    void constantConcurrencyStopsOnceMinDurationAndTargetAreReached() throws Exception {
        Dispatcher d = new Dispatcher(answeringAfter(10), Ticker.SYSTEM, Progress.NONE, 4);
        long start = System.nanoTime();
        List<RequestRecord> records = d.constantConcurrency(prompts(10_000), 2, new StopRule(30, 0.3, 5));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds >= 0.3 && seconds < 5, "ran " + seconds + " s");
        assertTrue(records.size() >= 5 && records.size() < 10_000, "sent " + records.size());
    }

    @Test
    void maxDurationEndsARunEvenUnderTarget() throws Exception {
        Dispatcher d = new Dispatcher(answeringAfter(50), Ticker.SYSTEM, Progress.NONE, 4);
        long start = System.nanoTime();
        d.constantConcurrency(prompts(10_000), 1, new StopRule(0.3, 0.3, 10_000));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 2, "ran " + seconds + " s");
    }

    @Test
    void growingBurstsSendOneThenTwoThenThreeAtOnce() throws Exception {
        Dispatcher d = new Dispatcher(answeringAfter(20), Ticker.SYSTEM, Progress.NONE, 4);
        List<RequestRecord> records = d.growingBursts(prompts(10), StopRule.maxDurationOnly(30), 0.01);
        assertEquals(10, records.size(), "bursts 1+2+3+4 use the 10 prompts exactly");
        assertEquals(4, maxInFlight.get());
        // Within a burst, every request shares one intended start.
        long distinctStarts = records.stream().mapToLong(RequestRecord::intendedStartNanos).distinct().count();
        assertEquals(4, distinctStarts);
    }

    @Test
    void growingBurstsNeverSendAPartialBurst() throws Exception {
        Dispatcher d = new Dispatcher(answeringAfter(5), Ticker.SYSTEM, Progress.NONE, 4);
        assertEquals(6, d.growingBursts(prompts(8), StopRule.maxDurationOnly(30), 0.01).size());
    }

    @Test
    void poissonArrivalsFollowTheirScheduleWithoutWaitingForAnswers() throws Exception {
        Dispatcher d = new Dispatcher(answeringAfter(200), Ticker.SYSTEM, Progress.NONE, 4);
        List<RequestRecord> records = d.poissonArrivals(prompts(30), 100, 3, StopRule.maxDurationOnly(30));
        assertEquals(30, records.size());
        assertTrue(maxInFlight.get() > 5, "open loop: arrivals do not wait for answers");
        double lateMs = records.stream().mapToLong(r -> r.startNanos() - r.intendedStartNanos()).max().orElse(0) / 1e6;
        assertTrue(lateMs < 100, "sends follow the schedule: worst lag " + lateMs + " ms");
    }

    @Test
    void infiniteRateSendsAllAtOnce() throws Exception {
        Dispatcher d = new Dispatcher(answeringAfter(100), Ticker.SYSTEM, Progress.NONE, 4);
        d.poissonArrivals(prompts(20), Double.POSITIVE_INFINITY, 3, StopRule.maxDurationOnly(30));
        assertEquals(20, maxInFlight.get());
    }

    @Test
    void requestStopEndsSendingAndKeepsRecords() throws Exception {
        Dispatcher d = new Dispatcher(answeringAfter(10), Ticker.SYSTEM, Progress.NONE, 4);
        List<String> many = prompts(100_000);
        timer.schedule(d::requestStop, 150, TimeUnit.MILLISECONDS);
        List<RequestRecord> records = d.constantConcurrency(many, 2, StopRule.maxDurationOnly(30));
        assertTrue(records.size() > 0 && records.size() < 100_000, "records: " + records.size());
    }
}
