package io.benchsuite.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A capacity check, not a unit test: 1,000 concurrent streams of 64 tokens on the exact preset, one token
 * every 50 ms, read by a non-blocking client in the same JVM. It prints lateness and CPU time and asserts
 * only that every token arrived. Too heavy for every build on a shared machine, so it runs on request:
 * {@code ./mvnw -B test -Dtest=ExactScheduleLoadCheck -Dsimulator.load=true}.
 *
 * <p>First measurement (shared 2-core machine, load average 10-14 from other builds, client and server in
 * this one JVM): all 64,000 tokens arrived in 4.34 s of wall time (3.25 s ideal), 7.7 s of process CPU
 * (client included), first tokens 526 ms late at the median and 1,032 ms at p99, tokens 1,021 ms late at
 * the median: on that machine the process did not keep up with 20,000 events per second. A second run at
 * load average 6-12: 5.72 s wall, 7.3 s CPU, first tokens 1.39 s late at the median. Batching the hand-off
 * to the event loop and waking the scheduler on a 0.25 ms grid was tried and changed neither the CPU per
 * event (about 0.12 ms, client included) nor the lateness, so it was left out; where the CPU goes (client,
 * chunked encoding, one write per token) needs a profile on a quiet machine.
 */
class ExactScheduleLoadCheck {

    @Test
    void thousandStreams() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("simulator.load"), "set -Dsimulator.load=true to run");
        int streams = 1000;
        int tokens = 64;
        SimulatorConfig config = SimulatorConfig.exact().withFirstTokenMs(50).withInterTokenMs(50);
        Vertx vertx = Vertx.vertx();
        try (RunningSimulator simulator = Simulator.start(config, "127.0.0.1", 0)) {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(streams + 10));
            List<CompletableFuture<double[]>> warmUp = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                warmUp.add(ExactScheduleTest.stream(client, simulator.port(), 2));
            }
            CompletableFuture.allOf(warmUp.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = os.getProcessCpuTime();
            long wallBefore = System.nanoTime();
            List<CompletableFuture<double[]>> running = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                running.add(ExactScheduleTest.stream(client, simulator.port(), tokens));
            }
            double[] ttftLate = new double[streams];
            List<Double> tokenLate = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                double[] arrivals = running.get(i).get(60, TimeUnit.SECONDS);
                assertEquals(tokens, arrivals.length);
                ttftLate[i] = arrivals[0] - 50;
                for (int k = 0; k < tokens; k++) {
                    tokenLate.add(arrivals[k] - (50 + 50.0 * k));
                }
            }
            double wall = (System.nanoTime() - wallBefore) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
            Arrays.sort(ttftLate);
            double[] late =
                    tokenLate.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.err.printf(
                    "1000 streams x %d tokens: wall %.2f s, process CPU %.2f s (%.1f ms per 1000 events)%n"
                            + "TTFT lateness ms: mean %.1f, median %.1f, p99 %.1f, max %.1f%n"
                            + "token lateness ms: mean %.1f, median %.1f, p99 %.1f, max %.1f%n",
                    tokens,
                    wall,
                    cpu,
                    cpu * 1000 / (streams * tokens / 1000.0),
                    Arrays.stream(ttftLate).average().orElse(0),
                    ttftLate[streams / 2],
                    ttftLate[(int) (streams * 0.99)],
                    ttftLate[streams - 1],
                    Arrays.stream(late).average().orElse(0),
                    late[late.length / 2],
                    late[(int) (late.length * 0.99)],
                    late[late.length - 1]);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
    }
}
