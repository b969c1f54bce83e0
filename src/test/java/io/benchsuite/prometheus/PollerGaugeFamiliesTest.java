package io.benchsuite.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.time.FakeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Once a whole page gave the three gauges, the poller parses only their families; the readings stay those of a
 * whole parse, and a page that no longer gives them all is read whole again, with its notes.
 */
class PollerGaugeFamiliesTest {

    private static final long MS = 1_000_000L;

    /** Hands out the pages in order, 1 ms each, then blocks until the poller is closed. */
    private static final class Pages implements MetricsFetcher {
        final FakeClock clock;
        final List<String> pages;
        final CountDownLatch done = new CountDownLatch(1);
        int index;

        Pages(FakeClock clock, List<String> pages) {
            this.clock = clock;
            this.pages = pages;
        }

        @Override
        public FetchResult fetch() throws InterruptedException {
            if (index == pages.size()) {
                done.countDown();
                new CountDownLatch(1).await();
            }
            clock.advance(MS);
            return new FetchResult.Fetched(pages.get(index++), ExpositionFormat.CLASSIC_TEXT);
        }
    }

    private static String vllm(double running, double waiting, Double kv) {
        return "# HELP vllm:num_requests_running Running.\n"
                + "# TYPE vllm:num_requests_running gauge\n"
                + "vllm:num_requests_running{model_name=\"m\"} " + running + "\n"
                + "# TYPE vllm:num_requests_waiting gauge\n"
                + "vllm:num_requests_waiting{model_name=\"m\"} " + waiting + "\n"
                + (kv == null
                        ? ""
                        : "# TYPE vllm:kv_cache_usage_perc gauge\nvllm:kv_cache_usage_perc{model_name=\"m\"} " + kv
                                + "\n")
                + "# TYPE vllm:time_to_first_token_seconds histogram\n"
                + "vllm:time_to_first_token_seconds_bucket{le=\"0.1\",model_name=\"m\"} 4.0\n"
                + "vllm:time_to_first_token_seconds_bucket{le=\"+Inf\",model_name=\"m\"} 9.0\n"
                + "vllm:time_to_first_token_seconds_count{model_name=\"m\"} 9.0\n"
                + "vllm:time_to_first_token_seconds_sum{model_name=\"m\"} 1.5\n";
    }

    @Test
    void readingsFollowThePagesAndAPageMissingAGaugeIsReadWholeAgain() throws Exception {
        FakeClock clock = new FakeClock(1000 * MS);
        Pages pages = new Pages(
                clock,
                List.of(
                        vllm(1, 0, 0.1),
                        vllm(2, 1, 0.2),
                        vllm(3, 2, 0.3),
                        vllm(4, 3, null), // the KV family is gone: read whole, noted
                        vllm(5, 4, 0.5),
                        vllm(6, 5, 0.6)));
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());

        try (MetricsPoller poller = MetricsPoller.start(
                pages, Duration.ofMillis(10), new ServerGaugeMapper(Optional.of("m")), warnings::add, clock)) {
            assertTrue(pages.done.await(5, TimeUnit.SECONDS));

            List<GaugeSample> samples = poller.samples();
            assertEquals(
                    List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0),
                    samples.stream()
                            .map(s -> s.gauges().runningRequests().getAsDouble())
                            .toList());
            assertEquals(
                    List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0),
                    samples.stream()
                            .map(s -> s.gauges().waitingRequests().getAsDouble())
                            .toList());
            assertEquals(
                    List.of(
                            OptionalDouble.of(0.1),
                            OptionalDouble.of(0.2),
                            OptionalDouble.of(0.3),
                            OptionalDouble.empty(),
                            OptionalDouble.of(0.5),
                            OptionalDouble.of(0.6)),
                    samples.stream().map(s -> s.gauges().kvCacheUsage()).toList());
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("KV"), warnings.toString());
            assertEquals(6, poller.counts().succeeded());
        }
    }
}
