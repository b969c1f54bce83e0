package io.benchsuite.load;

import io.benchsuite.record.RequestRecord;
import java.util.Collection;

/**
 * Heap one {@link RequestRecord} holds of its own, from the layout of a 64-bit HotSpot JVM with compressed
 * references (the default below 32 GB of heap): 12-byte object headers, 16-byte array headers, 4-byte
 * references, sizes rounded up to 8 bytes. The prompt is not counted: the run's prompt plan holds it anyway.
 *
 * <p>Computed rather than measured from heap use before and after releasing the records: that difference
 * swung between 590 and 2,150 bytes a record with the event loops allocating around the collections, while a
 * class histogram ({@code jmap -histo:live}) of a 2000-stream run gave exactly these sizes: 88 bytes per
 * record object, 272 per {@code long[32]}, 144 per {@code int[32]}.
 */
final class RecordFootprint {

    private static final int OBJECT_HEADER = 12;
    private static final int ARRAY_HEADER = 16;
    private static final int REFERENCE = 4;
    /** The record's fields: 4 ints, 3 longs and 8 references (prompt, 2 arrays, 2 enums, status, 2 texts). */
    static final long RECORD_OBJECT = align(OBJECT_HEADER + 4 * 4 + 3 * 8 + 8 * REFERENCE);
    /** An {@code Integer} outside the cache of -128..127 (an HTTP status) is an object of its own. */
    private static final long BOXED_INTEGER = align(OBJECT_HEADER + 4);
    /** A {@code String}: header, the array reference, hash, coder and hash-is-zero flag. */
    private static final long STRING_OBJECT = align(OBJECT_HEADER + REFERENCE + 4 + 1 + 1);

    private RecordFootprint() {}

    static long bytes(RequestRecord record) {
        int chunks = record.chunkCount();
        long bytes = RECORD_OBJECT + align(ARRAY_HEADER + 8L * chunks) + align(ARRAY_HEADER + 4L * chunks);
        Integer status = record.httpStatus();
        if (status != null && (status < -128 || status > 127)) {
            bytes += BOXED_INTEGER;
        }
        return bytes + text(record.errorMessage()) + text(record.generatedText());
    }

    /** The mean over {@code records}, NaN when there is none. */
    static double meanBytes(Collection<RequestRecord> records) {
        return records.stream().mapToLong(RecordFootprint::bytes).average().orElse(Double.NaN);
    }

    /** An empty or absent text costs nothing: "" is one shared constant. */
    private static long text(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        boolean latin1 = text.chars().allMatch(c -> c <= 0xFF);
        return STRING_OBJECT + align(ARRAY_HEADER + (long) text.length() * (latin1 ? 1 : 2));
    }

    private static long align(long bytes) {
        return (bytes + 7) / 8 * 8;
    }
}
