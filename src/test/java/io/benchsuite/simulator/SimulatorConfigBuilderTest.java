package io.benchsuite.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The builder and the {@code with...} copies made through it: each changes its one field and keeps the rest. */
class SimulatorConfigBuilderTest {

    @Test
    void aBuilderOfAPresetBuildsThePresetBack() {
        for (String name : SimulatorConfig.PRESETS) {
            SimulatorConfig preset = SimulatorConfig.preset(name);
            assertEquals(preset, preset.toBuilder().build(), name);
        }
        assertEquals(SimulatorConfig.fast(), SimulatorConfig.builder().build());
    }

    @Test
    void everyWithCopyChangesItsFieldAndOnlyIt() throws ReflectiveOperationException {
        SimulatorConfig base = SimulatorConfig.a100Model7b();
        Map<String, UnaryOperator<SimulatorConfig>> copies = Map.ofEntries(
                Map.entry("modelName", c -> c.withModelName("other")),
                Map.entry("seed", c -> c.withSeed(7)),
                Map.entry("maxNumSeqs", c -> c.withMaxNumSeqs(3)),
                Map.entry("kvBlocks", c -> c.withKvBlocks(20_000)),
                Map.entry("blockSize", c -> c.withBlockSize(32)),
                Map.entry("prefillTokensPerSecond", c -> c.withPrefillTokensPerSecond(123)),
                Map.entry("maxModelLen", c -> c.withMaxModelLen(4096)),
                Map.entry("stepBaseMs", c -> c.withStepBaseMs(1.5)),
                Map.entry("stepPerSeqMs", c -> c.withStepPerSeqMs(0.7)),
                Map.entry("firstTokenMs", c -> c.withFirstTokenMs(5)),
                Map.entry("interTokenMs", c -> c.withInterTokenMs(6)),
                Map.entry("meanOutputTokens", c -> c.withMeanOutputTokens(9)),
                Map.entry("kvMetric", c -> c.withKvMetric(KvMetricFlavour.GPU)),
                Map.entry("dataParallel", c -> c.withDataParallel(2)),
                Map.entry("withLaunchArguments", c -> c.withLaunchArguments(true)),
                Map.entry("flavour", c -> c.withFlavour(ServerFlavour.SGLANG)),
                Map.entry("reasoningTokens", c -> c.withReasoningTokens(4)),
                Map.entry("apiKey", c -> c.withApiKey("k")));
        for (Map.Entry<String, UnaryOperator<SimulatorConfig>> copy : copies.entrySet()) {
            SimulatorConfig changed = copy.getValue().apply(base);
            for (RecordComponent component : SimulatorConfig.class.getRecordComponents()) {
                Object before = component.getAccessor().invoke(base);
                Object after = component.getAccessor().invoke(changed);
                if (component.getName().equals(copy.getKey())) {
                    assertEquals(false, before.equals(after), copy.getKey() + " is changed");
                } else {
                    assertEquals(before, after, copy.getKey() + " keeps " + component.getName());
                }
            }
        }
    }

    @Test
    void severalFieldsAtOnceAreCheckedTogetherWhenBuilt() {
        SimulatorConfig config = SimulatorConfig.fast().toBuilder()
                .kvBlocks(8)
                .blockSize(16)
                .maxModelLen(128)
                .apiKey(Optional.of("k"))
                .build();
        assertEquals(128, config.kvCapacityTokens());
        assertEquals(Optional.of("k"), config.apiKey());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> SimulatorConfig.fast().toBuilder().kvBlocks(1).build());
        assertEquals(
                "the KV cache (1 blocks x 16 tokens) cannot hold one sequence of max-model-len 1024 tokens",
                e.getMessage());
    }
}
