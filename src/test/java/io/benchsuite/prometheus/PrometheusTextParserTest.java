package io.benchsuite.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PrometheusTextParserTest {

    private static MetricFamily family(MetricsPage page, String name) {
        return page.family(name)
                .orElseThrow(() -> new AssertionError(
                        "no family " + name + " in " + page.families().keySet()));
    }

    private static Sample only(MetricFamily family) {
        assertEquals(1, family.samples().size(), family.name());
        return family.samples().get(0);
    }

    @Test
    void vllmV0PageGroupsSamplesUnderTheirFamilies() {
        MetricsPage page = Fixtures.page(Fixtures.V0);

        assertEquals(List.of(), page.warnings());
        assertEquals(22, page.families().size());
        MetricFamily running = family(page, "vllm:num_requests_running");
        assertEquals(MetricType.GAUGE, running.type());
        assertEquals("Number of requests currently running on GPU.", running.help());
        assertEquals(
                new Sample("vllm:num_requests_running", Map.of("model_name", "meta-llama/Llama-3.1-8B-Instruct"), 4.0),
                only(running));
        assertEquals(0.123, only(family(page, "vllm:gpu_cache_usage_perc")).value());
        assertEquals(
                4.152315904e10,
                only(family(page, "process_virtual_memory_bytes")).value());
        assertEquals(
                3, family(page, "python_gc_objects_collected_total").samples().size());
    }

    @Test
    void histogramBucketsSumAndCountBelongToTheHistogramFamily() {
        MetricFamily ttft = family(Fixtures.page(Fixtures.V0), "vllm:time_to_first_token_seconds");

        assertEquals(MetricType.HISTOGRAM, ttft.type());
        assertEquals(8, ttft.samples().size());
        List<Sample> buckets = ttft.samplesNamed("vllm:time_to_first_token_seconds_bucket");
        assertEquals(6, buckets.size());
        assertEquals("+Inf", buckets.get(5).labels().get("le"));
        assertEquals(100.0, buckets.get(5).value());
        assertEquals(
                11.75,
                ttft.samplesNamed("vllm:time_to_first_token_seconds_sum").get(0).value());
        assertEquals(
                100.0,
                ttft.samplesNamed("vllm:time_to_first_token_seconds_count")
                        .get(0)
                        .value());
    }

    @Test
    void histogramSeriesOfSeveralEnginesStayInOneFamilyEvenWhenInterleaved() {
        MetricFamily itl = family(Fixtures.page(Fixtures.V1), "vllm:inter_token_latency_seconds");

        assertEquals(10, itl.samples().size());
        assertEquals(
                List.of(2000.0, 1990.0),
                itl.samplesNamed("vllm:inter_token_latency_seconds_count").stream()
                        .map(Sample::value)
                        .toList());
    }

    @Test
    void summaryQuantilesSumAndCountBelongToTheSummaryFamily() {
        MetricFamily summary = family(Fixtures.page(Fixtures.EDGE_CASES), "rpc_duration_seconds");

        assertEquals(MetricType.SUMMARY, summary.type());
        assertEquals(
                List.of(
                        new Sample("rpc_duration_seconds", Map.of("quantile", "0.5"), 0.012),
                        new Sample("rpc_duration_seconds", Map.of("quantile", "0.99"), 0.25),
                        new Sample("rpc_duration_seconds_sum", Map.of(), 17.5),
                        new Sample("rpc_duration_seconds_count", Map.of(), 1000.0)),
                summary.samples());
    }

    @Test
    void classicCountersAreFoundUnderBothSpellingsAndPythonCreatedGaugesStayApart() {
        MetricsPage page = Fixtures.page(Fixtures.V0);

        MetricFamily prompt = family(page, "vllm:prompt_tokens");
        assertEquals("vllm:prompt_tokens_total", prompt.name());
        assertEquals(MetricType.COUNTER, prompt.type());
        assertEquals(51200.0, only(prompt).value());
        // The classic format gives _created its own gauge family; it must not be summed into the counter.
        assertEquals(
                MetricType.GAUGE, family(page, "vllm:prompt_tokens_created").type());
        // A gauge is never found through the counter alias.
        assertTrue(page.family("vllm:num_requests_running_total").isEmpty());
    }

    @Test
    void openMetricsCounterOwnsItsTotalAndCreatedSamples() {
        MetricsPage page = Fixtures.page(Fixtures.OPENMETRICS);

        assertEquals(List.of(), page.warnings());
        MetricFamily success = family(page, "vllm:request_success_total");
        assertEquals("vllm:request_success", success.name());
        assertEquals(MetricType.COUNTER, success.type());
        assertEquals("Count of successfully processed requests.", success.help());
        assertEquals(4, success.samples().size());
        assertEquals(
                List.of(7.0, 3.0),
                success.measurementSamples().stream().map(Sample::value).toList());
        assertEquals(
                2, success.samples().stream().filter(success::isCreatedSample).count());
    }

    @Test
    void openMetricsHistogramTimestampsExemplarsAndExtraTypes() {
        MetricsPage page = Fixtures.page(Fixtures.OPENMETRICS);

        MetricFamily e2e = family(page, "vllm:e2e_request_latency_seconds");
        assertEquals(5, e2e.samples().size());
        assertEquals(4, e2e.measurementSamples().size());
        // The exemplar after " # " is dropped; the bucket value is the number before it.
        assertEquals(4.0, e2e.samples().get(0).value());
        assertEquals(OptionalLong.empty(), e2e.samples().get(0).timestampMs());
        // OpenMetrics timestamps are float seconds; the model holds milliseconds.
        assertEquals(
                OptionalLong.of(1_760_100_001_250L),
                only(family(page, "vllm:num_requests_running")).timestampMs());

        MetricFamily build = family(page, "build");
        assertEquals(MetricType.INFO, build.type());
        assertEquals(new Sample("build_info", Map.of("version", "0.10.1"), 1.0), only(build));
        assertEquals(MetricType.STATESET, family(page, "feature_flags").type());
        assertEquals(2, family(page, "feature_flags").samples().size());
        MetricFamily queueDelay = family(page, "queue_delay");
        assertEquals(MetricType.GAUGEHISTOGRAM, queueDelay.type());
        assertEquals(4, queueDelay.samples().size());
        assertEquals(MetricType.UNKNOWN, family(page, "mystery").type());
        assertEquals(7, page.families().size());
    }

    @Test
    void nothingAfterEofIsRead() {
        MetricsPage page = PrometheusTextParser.parse(
                Fixtures.text(Fixtures.OPENMETRICS) + "late_metric 1\n", ExpositionFormat.OPENMETRICS);

        assertTrue(page.family("late_metric").isEmpty());
        assertEquals(1, page.warnings().size());
        assertTrue(
                page.warnings().get(0).startsWith("line 30: content after # EOF ignored"),
                page.warnings().get(0));
    }

    @Test
    void escapesInLabelValuesAndHelp() {
        MetricFamily odd = family(Fixtures.page(Fixtures.EDGE_CASES), "odd:metric_name");

        assertEquals(MetricType.GAUGE, odd.type());
        assertEquals("A help text with a backslash \\ and a newline \n in it.", odd.help());
        Sample first = odd.samples().get(0);
        // Written as C:\\temp, say \"hi\" and a\nb, with a trailing comma before the brace.
        assertEquals(Map.of("path", "C:\\temp", "quote", "say \"hi\"", "multi", "a\nb"), first.labels());
        assertEquals(1500.0, first.value());
    }

    @Test
    void valuesExponentsSpecialFloatsAndMillisecondTimestamps() {
        MetricsPage page = Fixtures.page(Fixtures.EDGE_CASES);

        Sample second = family(page, "odd:metric_name").samples().get(1);
        assertEquals(-0.025, second.value());
        assertEquals(OptionalLong.of(1_700_000_000_123L), second.timestampMs());
        Map<String, Double> special = new java.util.HashMap<>();
        family(page, "special").samples().forEach(s -> special.put(s.labels().get("kind"), s.value()));
        assertTrue(Double.isNaN(special.get("nan")));
        assertEquals(Double.POSITIVE_INFINITY, special.get("pinf"));
        assertEquals(Double.NEGATIVE_INFINITY, special.get("ninf"));
        assertEquals(-0.0, special.get("neg_zero"));
        assertEquals(8128902.0, special.get("int"));
        assertEquals(MetricType.UNTYPED, family(page, "special").type());
        assertEquals("", family(page, "special").help());
    }

    @Test
    void blanksInsideBracesEmptyBracesAndQuotedUtf8Names() {
        MetricsPage page = Fixtures.page(Fixtures.EDGE_CASES);

        assertEquals(new Sample("spaced_labels", Map.of("a", "1", "b", "2"), 7.0), only(family(page, "spaced_labels")));
        assertEquals(new Sample("no_labels", Map.of(), 3.0), only(family(page, "no_labels")));
        assertEquals(new Sample("empty_braces", Map.of(), 4.0), only(family(page, "empty_braces")));
        assertEquals(
                new Sample("my.dotted.metric", Map.of("code", "200"), 9.0), only(family(page, "my.dotted.metric")));
    }

    @Test
    void malformedLinesAreSkippedWithOneWarningEachAndTheRestIsRead() {
        MetricsPage page = Fixtures.page(Fixtures.EDGE_CASES);

        List<String> expectedStarts = List.of(
                "line 19: value 'abc' is not a number",
                "line 20: label value of a is not quoted",
                "line 21: unterminated quoted string",
                "line 22: sample without a value",
                "line 23: invalid metric name '1starts_with_digit'",
                "line 24: unknown metric type 'histogramm'",
                "line 26: unexpected text after the value");
        assertEquals(
                expectedStarts.size(), page.warnings().size(), page.warnings().toString());
        for (int i = 0; i < expectedStarts.size(); i++) {
            assertTrue(
                    page.warnings().get(i).startsWith(expectedStarts.get(i)),
                    page.warnings().get(i));
        }
        assertEquals(6.0, only(family(page, "good_after_bad")).value());
        assertEquals(
                List.of(
                        "odd:metric_name",
                        "special",
                        "spaced_labels",
                        "no_labels",
                        "empty_braces",
                        "good_after_bad",
                        "my.dotted.metric",
                        "rpc_duration_seconds"),
                List.copyOf(page.families().keySet()));
        assertFalse(page.families().containsKey("not_a_help_line"));
    }

    @Test
    void crlfAndLfGiveTheSamePage() {
        String crlf = Fixtures.text(Fixtures.EDGE_CASES);
        assertTrue(crlf.contains("\r\n"), "the fixture must keep its CRLF line endings");

        assertEquals(
                PrometheusTextParser.parse(crlf.replace("\r\n", "\n")).families(),
                PrometheusTextParser.parse(crlf).families());
    }

    @Test
    void readerInputGivesTheSamePageAsStringInput() {
        String text = Fixtures.text(Fixtures.V1);

        assertEquals(
                PrometheusTextParser.parse(text),
                PrometheusTextParser.parse(new StringReader(text), ExpositionFormat.CLASSIC_TEXT));
    }

    @Test
    void lastLineWithoutNewlineAndDuplicateDirectives() {
        MetricsPage page =
                PrometheusTextParser.parse("# TYPE a counter\n# TYPE a gauge\n# HELP a one\n" + "# HELP a two\na 1");

        assertEquals(
                new MetricFamily("a", MetricType.COUNTER, "one", List.of(new Sample("a", Map.of(), 1.0))),
                family(page, "a"));
        assertEquals(2, page.warnings().size());
        assertTrue(page.warnings().get(0).startsWith("line 2: second TYPE for a ignored"));
        assertTrue(page.warnings().get(1).startsWith("line 4: second HELP for a ignored"));
    }

    @Test
    void aLabelGivenTwiceMakesTheLineUnreadable() {
        MetricsPage page = PrometheusTextParser.parse("x{a=\"1\",b=\"2\",a=\"3\"} 1\nx{a=\"1\",b=\"2\",c=\"3\","
                + "d=\"4\",e=\"5\",f=\"6\"} 2\nx{a=\"1\",b=\"2\",c=\"3\",d=\"4\",b=\"5\"} 3\n");

        assertEquals(2, page.warnings().size());
        assertTrue(
                page.warnings().get(0).startsWith("line 1: a label is given twice"),
                page.warnings().get(0));
        assertTrue(
                page.warnings().get(1).startsWith("line 3: a label is given twice"),
                page.warnings().get(1));
        assertEquals(
                Map.of("a", "1", "b", "2", "c", "3", "d", "4", "e", "5", "f", "6"),
                only(family(page, "x")).labels());
    }

    @Test
    void aGarbagePageYieldsNoFamilyAndABoundedWarningList() {
        StringBuilder garbage = new StringBuilder("<html><body>Not Found</body></html>\n");
        for (int i = 0; i < 200; i++) {
            garbage.append("<p>line ").append(i).append("</p>\n");
        }

        MetricsPage page = PrometheusTextParser.parse(garbage);

        assertEquals(0, page.sampleCount());
        assertEquals(
                PrometheusTextParser.MAX_LISTED_WARNINGS + 1, page.warnings().size());
        assertEquals(
                "151 more malformed lines not listed",
                page.warnings().get(page.warnings().size() - 1));
    }

    @Test
    void contentTypeChoosesTheDialect() {
        assertEquals(
                ExpositionFormat.OPENMETRICS,
                ExpositionFormat.fromContentType("application/openmetrics-text; version=1.0.0; charset=utf-8"));
        assertEquals(ExpositionFormat.CLASSIC_TEXT, ExpositionFormat.fromContentType("text/plain; version=0.0.4"));
        assertEquals(ExpositionFormat.CLASSIC_TEXT, ExpositionFormat.fromContentType(null));
    }
}
