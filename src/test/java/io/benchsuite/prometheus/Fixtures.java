package io.benchsuite.prometheus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the hand-written pages under src/test/resources/prometheus/. */
final class Fixtures {
    static final String V0 = "vllm-0.8-v0.txt";
    static final String V1 = "vllm-0.10-v1.txt";
    static final String OPENMETRICS = "openmetrics.txt";
    static final String EDGE_CASES = "edge-cases.txt";

    private Fixtures() {}

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/prometheus/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MetricsPage page(String name) {
        ExpositionFormat format =
                name.equals(OPENMETRICS) ? ExpositionFormat.OPENMETRICS : ExpositionFormat.CLASSIC_TEXT;
        return PrometheusTextParser.parse(text(name), format);
    }
}
