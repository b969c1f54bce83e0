package io.benchsuite.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.benchsuite.record.ErrorKind;
import io.benchsuite.record.RequestRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sizes computed by hand from the compressed-references layout, checked against a jmap class histogram. */
class RecordFootprintTest {

    private static RequestRecord record(int chunks, Integer status, ErrorKind kind, String message, String text) {
        long[] nanos = new long[chunks];
        int[] tokens = new int[chunks];
        for (int i = 0; i < chunks; i++) {
            nanos[i] = 1_000 + i;
            tokens[i] = 1;
        }
        return RequestRecord.withoutServerDetails(
                0,
                "a prompt not counted",
                32,
                0,
                0,
                2_000,
                nanos,
                tokens,
                5,
                chunks,
                kind.outcome(),
                kind,
                status,
                message,
                text);
    }

    @Test
    void theRecordObjectIs88Bytes() {
        assertEquals(88, RecordFootprint.RECORD_OBJECT, "12 header + 16 ints + 24 longs + 32 refs = 84, aligned");
    }

    @Test
    void aSuccessOf32TokensWithoutText() {
        // 88 + long[32] (16 + 256) + int[32] (16 + 128) + Integer 200 (16, outside the cache)
        assertEquals(520, RecordFootprint.bytes(record(32, 200, ErrorKind.NONE, "", null)));
    }

    @Test
    void keptTextCostsAStringAndItsBytes() {
        // 520 + String object (24) + byte[4] (16 + 4 -> 24)
        assertEquals(568, RecordFootprint.bytes(record(32, 200, ErrorKind.NONE, "", "abcd")));
        // non-Latin-1 text takes two bytes a char: byte[8] is 24 bytes too, byte[10] (5 chars) 32
        assertEquals(576, RecordFootprint.bytes(record(32, 200, ErrorKind.NONE, "", "\u00e9t\u00e9\u20ac!")));
    }

    @Test
    void aRefusedRequestHasEmptyArraysAndItsMessage() {
        // 88 + long[0] 16 + int[0] 16 + "boom" 48, no status
        assertEquals(168, RecordFootprint.bytes(record(0, null, ErrorKind.CONNECTION_REFUSED, "boom", null)));
    }

    @Test
    void theMeanOverRecords() {
        assertEquals(
                344,
                RecordFootprint.meanBytes(List.of(
                        record(32, 200, ErrorKind.NONE, "", null),
                        record(0, null, ErrorKind.CONNECTION_REFUSED, "boom", null))),
                1e-9);
        assertEquals(Double.NaN, RecordFootprint.meanBytes(List.of()));
    }
}
