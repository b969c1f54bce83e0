package io.benchsuite.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.client.RequestBodies;
import io.benchsuite.config.Backend;
import io.benchsuite.record.Outcome;
import io.benchsuite.record.RequestRecord;
import io.benchsuite.simulator.RunningSimulator;
import io.benchsuite.simulator.Simulator;
import io.benchsuite.simulator.SimulatorConfig;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The floor reader against the real exact-schedule simulator on loopback. */
class BareStreamReaderTest {

    @Test
    void readsEveryAnswerOfEveryConnectionWithOneArrivalPerScheduledToken() throws Exception {
        SimulatorConfig config = SimulatorConfig.exact().withFirstTokenMs(30).withInterTokenMs(5);
        try (RunningSimulator simulator = Simulator.start(config, "127.0.0.1", 0)) {
            int tokens = 6;
            byte[] body = RequestBodies.completion(Backend.HAPPY_VLLM, "sim-model", "count", tokens);
            BareStreamReader reader =
                    new BareStreamReader(URI.create(simulator.baseUrl()), "/v1/completions", body, tokens);

            List<RequestRecord> records = reader.run(3, 7); // 3 connections, 7 answers: kept-alive reuse

            assertEquals(7, records.size());
            for (RequestRecord r : records) {
                assertEquals(Outcome.SUCCESS, r.outcome(), r.errorMessage());
                assertEquals(tokens, r.chunkCount());
                double ttftMs = (r.chunkNanosAt(0) - r.startNanos()) / 1e6;
                // Never early. Late by a loaded machine's scheduling delay, and by class loading for the first
                // answers of this JVM (about 0.6 s seen here): the bound only catches a reader that hangs.
                assertTrue(ttftMs >= 29.9 && ttftMs < 5000, "TTFT " + ttftMs);
                double lastMs = (r.chunkNanosAt(tokens - 1) - r.startNanos()) / 1e6;
                assertTrue(lastMs >= 30 + 5 * (tokens - 1) - 0.1, "last token at " + lastMs);
            }
            TimingErrors errors = TimingErrors.of(records, 30, 5);
            assertEquals(0, errors.failedRequests());
            assertEquals(7L * tokens, errors.events());
        }
    }
}
