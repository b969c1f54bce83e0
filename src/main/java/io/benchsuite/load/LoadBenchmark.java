package io.benchsuite.load;

import io.benchsuite.client.ClientOptions;
import io.benchsuite.client.OpenFileLimit;
import io.benchsuite.client.StreamingClient;
import io.benchsuite.fidelity.ExactRequests;
import io.benchsuite.fidelity.ResourceMeter;
import io.benchsuite.fidelity.ResourceUsage;
import io.benchsuite.fidelity.SimulatorProcess;
import io.benchsuite.record.RequestRecord;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Runs a {@link LoadPlan} with the benchmark's own parts (the streaming client sized as a run sizes it, the
 * dispatcher's constant-concurrency profile) against the exact-schedule simulator in a process of its own, so
 * that the client's CPU, memory and descriptors are measured apart from the server's.
 *
 * <p>There is no warm-up round: opening every connection at the same moment is part of what is tested.
 */
public final class LoadBenchmark {

    private static final Logger LOG = Logger.getLogger(LoadBenchmark.class);

    private LoadBenchmark() {}

    public static LoadResult run(Vertx vertx, LoadPlan plan) throws IOException, InterruptedException {
        OpenFileLimit.check(plan.streams()).ifPresent(LOG::warn);
        double loadAtStart = loadAverage();
        try (SimulatorProcess simulator = SimulatorProcess.start(plan.firstTokenMs(), plan.interTokenMs())) {
            LOG.infof(
                    "%d streams x %d requests of %d tokens, request timeout %d s: simulator pid %d at %s",
                    plan.streams(),
                    plan.requestsPerStream(),
                    plan.outputTokens(),
                    plan.requestTimeout().toSeconds(),
                    simulator.pid(),
                    simulator.baseUrl());
            ClientOptions options = new ClientOptions(
                    URI.create(simulator.baseUrl()),
                    "/v1/completions",
                    Optional.empty(),
                    plan.streams(),
                    plan.requestTimeout(),
                    ClientOptions.connectTimeoutFor(plan.streams()),
                    plan.keepGeneratedText());
            try (StreamingClient client = new StreamingClient(vertx, options)) {
                System.gc(); // the heap peak should be the run's, not the start-up's garbage
                long simulatorCpuBefore = simulator.cpuNanos();
                ResourceMeter meter = ResourceMeter.start();
                List<RequestRecord> records;
                OpenFdSampler fds = OpenFdSampler.start();
                long start = System.nanoTime();
                long end;
                try {
                    records = ExactRequests.sendAll(client, plan.requests(), plan.streams(), plan.outputTokens());
                    end = System.nanoTime();
                } finally {
                    fds.close();
                }
                ResourceUsage usage = meter.stop();
                long simulatorCpuAfter = simulator.cpuNanos();
                return new LoadResult(
                        plan,
                        RequestTally.of(records),
                        (end - start) / 1e9,
                        usage,
                        simulatorCpuBefore < 0 || simulatorCpuAfter < 0 ? -1 : simulatorCpuAfter - simulatorCpuBefore,
                        fds.peak(),
                        OpenFileLimit.current().orElse(-1),
                        RecordFootprint.meanBytes(records),
                        loadAtStart,
                        loadAverage(),
                        Runtime.getRuntime().availableProcessors());
            }
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
