package io.benchsuite.prometheus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where one gauge is read on a page: a whole family, the series of a family whose label has a given value
 * (TensorRT-LLM behind Triton puts the meaning in a label value), or the ratio of two such label values.
 * {@link #series} gives the samples (or computed values) that the mapper then filters by model and combines.
 */
sealed interface GaugeSource {

    /** The family whose presence tells that this source applies. */
    String familyName();

    /** How the source reads in a note, e.g. {@code nv_trt_llm_request_metrics{request_type="waiting"}}. */
    String describe();

    /** The values of the source on the page, one per series; empty when the family or label value is absent. */
    List<Sample> series(MetricsPage page);

    /** Every measurement sample of the family. */
    record Family(String familyName) implements GaugeSource {
        @Override
        public String describe() {
            return familyName;
        }

        @Override
        public List<Sample> series(MetricsPage page) {
            return page.family(familyName).map(MetricFamily::measurementSamples).orElse(List.of());
        }
    }

    /** The samples of the family whose {@code label} is {@code value}. */
    record Labelled(String familyName, String label, String value) implements GaugeSource {
        @Override
        public String describe() {
            return familyName + "{" + label + "=\"" + value + "\"}";
        }

        @Override
        public List<Sample> series(MetricsPage page) {
            Optional<MetricFamily> family = page.family(familyName);
            if (family.isEmpty()) {
                return List.of();
            }
            return family.get().measurementSamples().stream()
                    .filter(s -> value.equals(s.labels().get(label)))
                    .toList();
        }
    }

    /**
     * {@code numerator / denominator} between two label values of one family, computed per series (the series
     * being told apart by their other labels, e.g. one per Triton model), e.g. used KV blocks over the maximum.
     * A series whose denominator is missing or not above 0 gives nothing.
     */
    record Ratio(String familyName, String label, String numerator, String denominator) implements GaugeSource {
        @Override
        public String describe() {
            return familyName + "{" + label + "=\"" + numerator + "\"} / " + familyName + "{" + label + "=\""
                    + denominator + "\"}";
        }

        @Override
        public List<Sample> series(MetricsPage page) {
            Map<Map<String, String>, Double> numerators =
                    byOtherLabels(new Labelled(familyName, label, numerator).series(page));
            Map<Map<String, String>, Double> denominators =
                    byOtherLabels(new Labelled(familyName, label, denominator).series(page));
            List<Sample> ratios = new ArrayList<>();
            numerators.forEach((labels, value) -> {
                Double max = denominators.get(labels);
                if (max != null && max > 0) {
                    ratios.add(new Sample(familyName, labels, value / max));
                }
            });
            return ratios;
        }

        private Map<Map<String, String>, Double> byOtherLabels(List<Sample> samples) {
            Map<Map<String, String>, Double> values = new HashMap<>();
            for (Sample sample : samples) {
                Map<String, String> others = new TreeMap<>(sample.labels());
                others.remove(label);
                values.put(others, sample.value());
            }
            return values;
        }
    }
}
