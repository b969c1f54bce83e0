package io.benchsuite.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RawFileNameTest {

    @Test
    void readsTheThreeNamesOfTheOriginal() {
        assertEquals(new RawFileName(RawFileName.Kind.PROMPT_INGESTION, 3, -1, -1, -1),
                RawFileName.parse("prompt_ingestion_3.json").orElseThrow());
        assertEquals(new RawFileName(RawFileName.Kind.KV_CACHE_PROFILE, -1, 4096, 1024, -1),
                RawFileName.parse("kv_cache_profile_input_4096_output_1024.json").orElseThrow());
        RawFileName speed = RawFileName.parse("generation_speed_input_32_output_16_nb_requests_38.json").orElseThrow();
        assertEquals(new RawFileName(RawFileName.Kind.GENERATION_SPEED, -1, 32, 16, 38), speed);
        assertEquals(new Pair(32, 16), speed.pair());
    }

    @Test
    void anyOtherNameIsUnknown() {
        assertTrue(RawFileName.parse("prompt_ingestion_graph_data.json").isEmpty());
        assertTrue(RawFileName.parse("generation_speed_input_32_output_16_nb_requests_0.json").isEmpty());
        assertTrue(RawFileName.parse("generation_speed_input_32_output_16.json").isEmpty());
        assertTrue(RawFileName.parse("kv_cache_profile_input_99999999999_output_1.json").isEmpty());
        assertTrue(RawFileName.parse("notes.json").isEmpty());
    }
}
