package io.benchsuite.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PollerSettingsTest {

    @Test
    void baseUrlAndEndpointAreJoinedWithOneSlash() {
        for (String base : new String[] {"http://127.0.0.1:5000", "http://127.0.0.1:5000/"}) {
            for (String endpoint : new String[] {"/metrics", "metrics"}) {
                assertEquals(
                        URI.create("http://127.0.0.1:5000/metrics"),
                        PollerSettings.of(base, endpoint, 0.01, Optional.empty(), Optional.empty())
                                .metricsUri());
            }
        }
    }

    @Test
    void stepInSecondsBecomesADurationAndTheTimeoutHasItsStatedDefault() {
        PollerSettings settings = PollerSettings.of("http://h:1", "/metrics", 0.01, Optional.empty(), Optional.empty());

        assertEquals(Duration.ofMillis(10), settings.step());
        assertEquals(Duration.ofSeconds(5), settings.scrapeTimeout());
    }

    @Test
    void rejectsNonPositiveStepsTimeoutsAndNonHttpUrls() {
        assertThrows(
                IllegalArgumentException.class,
                () -> PollerSettings.of("http://h:1", "/metrics", 0, Optional.empty(), Optional.empty()));
        assertThrows(
                IllegalArgumentException.class,
                () -> PollerSettings.of("http://h:1", "/metrics", Double.NaN, Optional.empty(), Optional.empty()));
        assertThrows(
                IllegalArgumentException.class,
                () -> PollerSettings.of("ftp://h:1", "/metrics", 1, Optional.empty(), Optional.empty()));
        PollerSettings settings = PollerSettings.of("http://h:1", "/metrics", 1, Optional.empty(), Optional.empty());
        assertThrows(IllegalArgumentException.class, () -> settings.withScrapeTimeout(Duration.ZERO));
    }
}
