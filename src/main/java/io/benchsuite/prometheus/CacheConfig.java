package io.benchsuite.prometheus;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * The engine's KV-cache settings as vLLM exposes them in the labels of the {@code vllm:cache_config_info}
 * gauge (block_size, num_gpu_blocks, gpu_memory_utilization, enable_prefix_caching, ...).
 *
 * @param settings the labels of the first series, without the {@code engine} label (data-parallel engines
 *     share one configuration)
 * @param kvCapacityTokens num_gpu_blocks x block_size summed over engines: how many tokens the server can
 *     hold in KV cache at once; empty when a label is missing or not a number (e.g. "None" before profiling)
 */
public record CacheConfig(Map<String, String> settings, OptionalLong kvCapacityTokens) {

    public static final String FAMILY = "vllm:cache_config_info";

    public CacheConfig {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** The cache configuration of a page, empty when the page has no {@value #FAMILY} sample. */
    public static Optional<CacheConfig> from(MetricsPage page) {
        Optional<MetricFamily> family = page.family(FAMILY);
        if (family.isEmpty() || family.get().samples().isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> settings =
                new TreeMap<>(family.get().samples().get(0).labels());
        settings.remove("engine");
        return Optional.of(new CacheConfig(settings, capacity(family.get())));
    }

    private static OptionalLong capacity(MetricFamily family) {
        long total = 0;
        // Several API-server processes may each expose the same engine; count every engine once.
        Set<String> engines = new HashSet<>();
        for (Sample sample : family.samples()) {
            if (!engines.add(sample.labels().getOrDefault("engine", ""))) {
                continue;
            }
            OptionalLong blocks = parseCount(sample.labels().get("num_gpu_blocks"));
            OptionalLong blockSize = parseCount(sample.labels().get("block_size"));
            if (blocks.isEmpty() || blockSize.isEmpty()) {
                return OptionalLong.empty();
            }
            total += blocks.getAsLong() * blockSize.getAsLong();
        }
        return OptionalLong.of(total);
    }

    private static OptionalLong parseCount(String label) {
        if (label == null) {
            return OptionalLong.empty();
        }
        try {
            long value = Long.parseLong(label.trim());
            return value >= 0 ? OptionalLong.of(value) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
