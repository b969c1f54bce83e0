package io.benchsuite.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RawFileNameTest {

    @Test
    void readsTheThreeNamesOfTheOriginal() {
        assertEquals(
                new RawFileName(BenchmarkKind.PROMPT_INGESTION, 3, -1, -1, -1),
                RawFileName.parse("prompt_ingestion_3.json").orElseThrow());
        assertEquals(
                new RawFileName(BenchmarkKind.KV_CACHE_PROFILE, -1, 4096, 1024, -1),
                RawFileName.parse("kv_cache_profile_input_4096_output_1024.json")
                        .orElseThrow());
        RawFileName speed = RawFileName.parse("generation_speed_input_32_output_16_nb_requests_38.json")
                .orElseThrow();
        assertEquals(new RawFileName(BenchmarkKind.GENERATION_SPEED, -1, 32, 16, 38), speed);
        assertEquals(32, speed.inputLength());
        assertEquals(16, speed.outputLength());
    }

    @Test
    void writesTheNamesItReads() {
        for (RawFileName name : new RawFileName[] {
            RawFileName.promptIngestion(0),
            RawFileName.promptIngestion(3),
            RawFileName.kvCacheProfile(4096, 1024),
            RawFileName.generationSpeed(32, 16, 38)
        }) {
            assertEquals(name, RawFileName.parse(name.fileName()).orElseThrow(), name.fileName());
        }
        assertEquals("prompt_ingestion_2.json", RawFileName.promptIngestion(2).fileName());
        assertEquals(
                "kv_cache_profile_input_1024_output_128.json",
                RawFileName.kvCacheProfile(1024, 128).fileName());
        assertEquals(
                "generation_speed_input_32_output_16_nb_requests_4.json",
                RawFileName.generationSpeed(32, 16, 4).fileName());
    }

    @Test
    void anyOtherNameIsUnknown() {
        assertTrue(RawFileName.parse("prompt_ingestion_graph_data.json").isEmpty());
        assertTrue(RawFileName.parse("generation_speed_input_32_output_16_nb_requests_0.json")
                .isEmpty());
        assertTrue(RawFileName.parse("generation_speed_input_32_output_16.json").isEmpty());
        assertTrue(RawFileName.parse("kv_cache_profile_input_99999999999_output_1.json")
                .isEmpty());
        assertTrue(RawFileName.parse("notes.json").isEmpty());
    }
}
