package io.benchsuite.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.benchsuite.config.Backend;
import io.benchsuite.record.Outcome;
import io.benchsuite.record.RequestRecord;
import io.benchsuite.schedule.Dispatcher;
import io.benchsuite.schedule.Progress;
import io.benchsuite.schedule.StopRule;
import io.benchsuite.simulator.RunningSimulator;
import io.benchsuite.simulator.Simulator;
import io.benchsuite.simulator.SimulatorConfig;
import io.benchsuite.time.Ticker;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of streams at once against the in-process simulator, through the dispatcher and a client sized as a
 * run sizes it: every request must complete, and records must not hold the generated text unless asked.
 * (bench-suite load does the same at 2000 streams with the simulator in its own process; see docs/load.md.)
 */
class ManyStreamsTest {

    private static final int STREAMS = 300;
    private static final int TOKENS = 8;
    private static final String PROMPT = "Count slowly from one to one hundred.";
    private static RunningSimulator simulator;

    @BeforeAll
    static void startSimulator() {
        // 20 ms between tokens: 15,000 tokens/s for both sides, which a busy 2-core machine sustains.
        simulator = Simulator.start(SimulatorConfig.exact().withFirstTokenMs(20).withInterTokenMs(20), "127.0.0.1", 0);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    private static List<RequestRecord> sendAtOnce(boolean keepText, int requests) throws InterruptedException {
        ClientOptions options = new ClientOptions(
                URI.create(simulator.baseUrl()),
                "/v1/completions",
                Optional.empty(),
                STREAMS,
                ClientOptions.DEFAULT_REQUEST_TIMEOUT,
                ClientOptions.connectTimeoutFor(STREAMS),
                keepText);
        byte[] body = RequestBodies.completion(Backend.HAPPY_VLLM, "sim-model", PROMPT, TOKENS);
        try (StreamingClient client = StreamingClient.standalone(options)) {
            Dispatcher dispatcher = new Dispatcher(r -> client.send(r, body), Ticker.SYSTEM, Progress.NONE, TOKENS);
            return dispatcher.constantConcurrency(
                    Collections.nCopies(requests, PROMPT), STREAMS, StopRule.maxDurationOnly(60));
        }
    }

    @Test
    void hundredsOfParallelStreamsAllCompleteWithoutText() throws Exception {
        List<RequestRecord> records = sendAtOnce(false, STREAMS * 2);

        Map<String, Long> outcomes = records.stream()
                .collect(Collectors.groupingBy(
                        r -> r.outcome() + "/" + r.errorKind()
                                + (r.errorMessage().isEmpty() ? "" : ": " + r.errorMessage()),
                        Collectors.counting()));
        assertEquals(Map.of(Outcome.SUCCESS + "/NONE", (long) STREAMS * 2), outcomes);
        for (RequestRecord record : records) {
            assertEquals(TOKENS, record.chunkTokenSum(), record.toString());
            assertNull(record.generatedText(), "the text is not kept by default");
        }
        assertEquals(
                STREAMS * 2,
                records.stream().map(RequestRecord::internalId).distinct().count());
    }

    @Test
    void theTextIsKeptWhenAsked() throws Exception {
        List<RequestRecord> records = sendAtOnce(true, STREAMS);

        assertEquals(
                STREAMS,
                records.stream().filter(r -> r.outcome() == Outcome.SUCCESS).count());
        Map<Boolean, Long> withText = records.stream()
                .collect(Collectors.groupingBy(
                        r -> r.generatedText() != null && !r.generatedText().isBlank(), Collectors.counting()));
        assertEquals(Map.of(true, (long) STREAMS), withText, "every record holds its answer");
    }
}
