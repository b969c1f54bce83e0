package io.benchsuite.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.config.Api;
import io.benchsuite.config.Backend;
import io.benchsuite.record.CompletionRequest;
import io.benchsuite.record.ErrorKind;
import io.benchsuite.record.RequestRecord;
import io.benchsuite.simulator.RunningSimulator;
import io.benchsuite.simulator.ServerFlavour;
import io.benchsuite.simulator.Simulator;
import io.benchsuite.simulator.SimulatorConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The client against the simulator's llama.cpp flavour, which closes the connection after every stream
 * although it announced keep-alive, and loses a request sent on it in the meantime: the client sends such a
 * request again on a fresh connection, so no request fails.
 */
class StaleConnectionTest {

    private static final SimulatorConfig LLAMACPP =
            SimulatorConfig.exact().withFirstTokenMs(5).withInterTokenMs(1).withFlavour(ServerFlavour.LLAMACPP);

    private static StreamingClient client(RunningSimulator simulator, int streams) {
        return StreamingClient.standalone(new ClientOptions(
                URI.create(simulator.baseUrl()),
                "/v1/completions",
                Optional.empty(),
                streams,
                Duration.ofSeconds(20),
                Duration.ofSeconds(5),
                false));
    }

    private static CompletableFuture<RequestRecord> send(StreamingClient client, int id) {
        return client.send(
                new CompletionRequest(id, "Tell me a story", 8, System.nanoTime()),
                RequestBodies.request(Backend.OPENAI, Api.COMPLETIONS, "sim-model", "Tell me a story", 8));
    }

    @Test
    void aRequestOnAConnectionTheServerClosedGoesOutAgainOnce() {
        try (RunningSimulator simulator = Simulator.start(LLAMACPP, "127.0.0.1", 0);
                StreamingClient client = client(simulator, 1)) {
            for (int i = 0; i < 5; i++) {
                long intended = System.nanoTime();
                RequestRecord record = client.send(
                                new CompletionRequest(i, "Tell me a story", 8, intended),
                                RequestBodies.request(
                                        Backend.OPENAI, Api.COMPLETIONS, "sim-model", "Tell me a story", 8))
                        .join();
                assertEquals(ErrorKind.NONE, record.errorKind(), record.toString());
                assertEquals(intended, record.intendedStartNanos(), "the intended start is kept");
                assertTrue(record.startNanos() >= intended);
            }
            // Requests 1 and 3 reused the connection the previous stream had used, met it closed and went out
            // again; requests 2 and 4 found no pooled connection left and opened one.
            assertEquals(2, client.resentCount(), "every reuse met a closed connection and was sent again");
        }
    }

    @Test
    void noRequestFailsAt4Or100StreamsAgainstAServerThatClosesAfterEachStream() {
        for (int streams : new int[] {4, 100}) {
            try (RunningSimulator simulator = Simulator.start(LLAMACPP, "127.0.0.1", 0);
                    StreamingClient client = client(simulator, streams)) {
                List<CompletableFuture<RequestRecord>> all = new ArrayList<>();
                // Three waves: each stream's connection is reused by the next wave as soon as it is free.
                for (int wave = 0; wave < 3; wave++) {
                    List<CompletableFuture<RequestRecord>> batch = new ArrayList<>();
                    for (int i = 0; i < streams; i++) {
                        batch.add(send(client, wave * streams + i));
                    }
                    batch.forEach(CompletableFuture::join);
                    all.addAll(batch);
                }
                for (CompletableFuture<RequestRecord> f : all) {
                    assertEquals(ErrorKind.NONE, f.join().errorKind(), streams + " streams: " + f.join());
                }
                assertTrue(
                        client.resentCount() >= streams,
                        "the later waves reused closed connections: " + client.resentCount());
            }
        }
    }
}
