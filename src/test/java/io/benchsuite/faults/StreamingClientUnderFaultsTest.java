package io.benchsuite.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.client.ClientOptions;
import io.benchsuite.client.RequestBodies;
import io.benchsuite.client.StreamingClient;
import io.benchsuite.config.Backend;
import io.benchsuite.record.CompletionRequest;
import io.benchsuite.record.ErrorKind;
import io.benchsuite.record.Outcome;
import io.benchsuite.record.RequestRecord;
import io.benchsuite.simulator.ConfiguredFaultPolicy;
import io.benchsuite.simulator.FaultConfig;
import io.benchsuite.simulator.RunningSimulator;
import io.benchsuite.simulator.Simulator;
import io.benchsuite.simulator.SimulatorConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The streaming client against the simulator over loopback, one fault per test, each injected by the same
 * {@code --fault} value a user would type (at fraction 1): the record must carry the right error kind and
 * keep the tokens that arrived before the fault.
 */
class StreamingClientUnderFaultsTest {

    /** 5 ms to the first token, then one every 2 ms: a 10-token answer takes about 25 ms. */
    private static final SimulatorConfig QUICK =
            SimulatorConfig.exact().withFirstTokenMs(5).withInterTokenMs(2);

    private static final int OUTPUT_TOKENS = 10;

    private static RequestRecord sendWith(String fault, Duration requestTimeout) throws Exception {
        FaultConfig faults = FaultConfig.parse(List.of(fault), null, false, 42);
        try (RunningSimulator simulator = Simulator.start(QUICK, "127.0.0.1", 0, new ConfiguredFaultPolicy(faults));
                StreamingClient client = StreamingClient.standalone(options(simulator, requestTimeout))) {
            return send(client);
        }
    }

    static ClientOptions options(RunningSimulator simulator, Duration requestTimeout) {
        return new ClientOptions(
                URI.create(simulator.baseUrl()),
                "/v1/completions",
                Optional.empty(),
                4,
                requestTimeout,
                Duration.ofSeconds(2),
                false);
    }

    static RequestRecord send(StreamingClient client) throws Exception {
        CompletionRequest request = new CompletionRequest(0, "Tell me a story", OUTPUT_TOKENS, System.nanoTime());
        byte[] body = RequestBodies.completion(Backend.VLLM, "sim-model", "Tell me a story", OUTPUT_TOKENS);
        return client.send(request, body).get(10, TimeUnit.SECONDS);
    }

    private static void assertKeptTokens(RequestRecord record, int tokens) {
        assertEquals(tokens, record.chunkTokenSum(), "tokens before the fault: " + record);
        assertEquals(tokens, record.chunkCount(), "one chunk per token: " + record);
    }

    @Test
    void healthyAnswerForComparison() throws Exception {
        RequestRecord record = sendWith("status:500@0.0001", Duration.ofSeconds(5));
        // Seed 42 does not draw the first request into a 0.01% share: the answer is whole.
        assertEquals(ErrorKind.NONE, record.errorKind(), record.toString());
        assertKeptTokens(record, OUTPUT_TOKENS);
    }

    @Test
    void status500IsRecordedWithTheServersMessage() throws Exception {
        RequestRecord record = sendWith("status:500", Duration.ofSeconds(5));
        assertEquals(ErrorKind.HTTP_STATUS, record.errorKind());
        assertEquals(500, record.httpStatus());
        assertEquals("HTTP 500: Simulated fault: internal server error.", record.errorMessage());
        assertKeptTokens(record, 0);
    }

    @Test
    void status429And503AreRecordedWithTheirStatus() throws Exception {
        assertEquals(429, sendWith("status:429", Duration.ofSeconds(5)).httpStatus());
        RequestRecord record = sendWith("status:503", Duration.ofSeconds(5));
        assertEquals(ErrorKind.HTTP_STATUS, record.errorKind());
        assertEquals(503, record.httpStatus());
        assertTrue(record.errorMessage().contains("retry later"), record.errorMessage());
    }

    @Test
    void aDroppedConnectionIsAResetKeepingTheTokensBefore() throws Exception {
        RequestRecord record = sendWith("drop:4", Duration.ofSeconds(5));
        assertEquals(ErrorKind.CONNECTION_RESET, record.errorKind(), record.toString());
        assertEquals(Outcome.ERROR, record.outcome());
        assertNull(record.httpStatus(), "the failure is not a status");
        assertKeptTokens(record, 4);
        assertEquals(4, record.completionTokens(), "the running usage of the last chunk seen");
    }

    @Test
    void aStalledStreamTimesOutKeepingTheTokensBefore() throws Exception {
        long start = System.nanoTime();
        // 1 s rather than less: in a cold JVM on a busy machine the first tokens once took over 400 ms.
        RequestRecord record = sendWith("stall:3", Duration.ofSeconds(1));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(ErrorKind.TIMEOUT, record.errorKind(), record.toString());
        assertEquals(Outcome.TIMEOUT, record.outcome());
        assertKeptTokens(record, 3);
        assertTrue(tookMs >= 1000, "waited for the request timeout: " + tookMs + " ms");
    }

    @Test
    void aMalformedChunkIsRecordedAndTheRestOfTheStreamRead() throws Exception {
        RequestRecord record = sendWith("malformed:2", Duration.ofSeconds(5));
        assertEquals(ErrorKind.MALFORMED_CHUNK, record.errorKind(), record.toString());
        // The stream carries on after the broken chunk; the client keeps timing it.
        assertKeptTokens(record, OUTPUT_TOKENS);
    }

    @Test
    void anErrorEventInsideTheStreamIsRecordedWithItsMessage() throws Exception {
        RequestRecord record = sendWith("error-event:5", Duration.ofSeconds(5));
        assertEquals(ErrorKind.STREAM_ERROR_EVENT, record.errorKind(), record.toString());
        assertEquals("Simulated fault: generation failed after 5 tokens.", record.errorMessage());
        assertKeptTokens(record, 5);
    }

    @Test
    void theObjectErrorShapeIsRecognisedToo() throws Exception {
        RequestRecord record = sendWith("error-object:1", Duration.ofSeconds(5));
        assertEquals(ErrorKind.STREAM_ERROR_EVENT, record.errorKind(), record.toString());
        assertEquals("Simulated fault: generation failed after 1 tokens.", record.errorMessage());
        assertKeptTokens(record, 1);
    }

    @Test
    void aStreamWithoutDoneIsTruncated() throws Exception {
        RequestRecord whole = sendWith("no-done", Duration.ofSeconds(5));
        assertEquals(ErrorKind.STREAM_TRUNCATED, whole.errorKind(), whole.toString());
        assertKeptTokens(whole, OUTPUT_TOKENS);
        assertEquals(200, whole.httpStatus());

        RequestRecord cut = sendWith("no-done:6", Duration.ofSeconds(5));
        assertEquals(ErrorKind.STREAM_TRUNCATED, cut.errorKind(), cut.toString());
        assertKeptTokens(cut, 6);
    }

    @Test
    void tokensArriveInOrderBeforeAFault() throws Exception {
        RequestRecord record = sendWith("drop:5", Duration.ofSeconds(5));
        long[] times = record.chunkNanos();
        for (int i = 1; i < times.length; i++) {
            assertTrue(times[i] >= times[i - 1]);
        }
        assertArrayEquals(new int[] {1, 1, 1, 1, 1}, record.chunkTokens());
    }
}
