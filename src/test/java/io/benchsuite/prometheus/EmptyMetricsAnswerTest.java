package io.benchsuite.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * vLLM 0.6's empty 200 (the fixture {@code vllm-0.6-metrics-200-empty-body.http}, replayed byte for byte over
 * loopback, chunked encoding included): the server answered, so it is "no values" and one note, never a scrape
 * failure.
 */
class EmptyMetricsAnswerTest {

    @Test
    void anEmptyTwoHundredIsNoValuesNotAFailure() throws Exception {
        byte[] answer = ServerPagesTest.text("server-output/vllm-0.6-metrics-200-empty-body.http")
                .getBytes(StandardCharsets.UTF_8);
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread replay = new Thread(() -> replay(socket, answer), "replay-empty-200");
            replay.setDaemon(true);
            replay.start();
            PollerSettings settings = PollerSettings.of(
                    "http://127.0.0.1:" + socket.getLocalPort(), "/metrics", 0.01, Optional.empty(), Optional.empty());
            try (MetricsPoller poller = MetricsPoller.start(settings, warnings::add)) {
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (poller.counts().succeeded() < 3 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertTrue(poller.counts().succeeded() >= 3, poller.counts().toString());
                assertEquals(0, poller.counts().failed(), poller.counts().toString());
                poller.samples().forEach(s -> assertEquals(ServerGauges.NONE, s.gauges()));
                assertEquals(1, warnings.size(), warnings.toString());
                assertTrue(warnings.get(0).contains("no metric sample"), warnings.get(0));
            }
        }
    }

    /** Answers every request on every connection with the recorded bytes. */
    private static void replay(ServerSocket socket, byte[] answer) {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread each = new Thread(() -> serve(connection, answer));
                each.setDaemon(true);
                each.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void serve(Socket connection, byte[] answer) {
        try (connection) {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = connection.getOutputStream();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) { // end of a GET's headers
                    out.write(answer);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // the poller closed its connection
        }
    }
}
