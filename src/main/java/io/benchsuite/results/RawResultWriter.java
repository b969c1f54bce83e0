package io.benchsuite.results;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a {@link RawResult} as the original tool's JSON (4-space indentation, its keys first and in its
 * order, then this port's), atomically: a crash leaves the old file or the new one, never half of one.
 */
public final class RawResultWriter {

    private RawResultWriter() {}

    public static void write(Path file, RawResult result) throws IOException {
        JsonFiles.writeAtomically(file, (Object) result);
    }

    /** The exact bytes {@link #write} puts in the file. */
    public static byte[] bytes(RawResult result) throws IOException {
        return JsonFiles.bytes(result);
    }
}
