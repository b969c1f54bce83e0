package io.benchsuite.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A metrics scrape refused for its key is told apart from other statuses, from the fetcher's reason. */
class MetricsKeyRefusalTest {

    @Test
    void onlyFourOhOneAndFourOhThreeAreRefusals() {
        assertEquals(
                Optional.of(401),
                ServerSession.metricsKeyRefusal(
                        "HTTP 401 from http://127.0.0.1:5000/metrics/: {\"detail\":\"Unauthorized\"}"));
        assertEquals(Optional.of(403), ServerSession.metricsKeyRefusal("HTTP 403 from http://h/metrics/"));
        assertEquals(Optional.empty(), ServerSession.metricsKeyRefusal("HTTP 404 from http://h/metrics/"));
        assertEquals(Optional.empty(), ServerSession.metricsKeyRefusal("connection refused by http://h/metrics/"));
    }
}
