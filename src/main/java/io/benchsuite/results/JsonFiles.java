package io.benchsuite.results;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes JSON files the way results must be written: complete or absent, never truncated. The content goes
 * to a temporary file in the same folder, is flushed to disk, then renamed over the target in one step, so
 * a crash or a Ctrl-C at any moment leaves either the old file or the new one.
 */
public final class JsonFiles {

    /** Plain Jackson, plus Optional support: an empty Optional component marked NON_ABSENT is left out. */
    public static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new Jdk8Module());

    /** 4-space indentation, as the original tool's files, so diffs against them stay readable. */
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("    ", "\n"))
            .withArrayIndenter(new DefaultIndenter("    ", "\n")));

    private JsonFiles() {}

    /**
     * Streams the JSON of {@code value} into the file, with the same bytes as {@link #bytes}: a raw result with
     * every request's statistics is tens of MiB of JSON at 1000 streams, and holding it as one array (plus the
     * copies of a growing buffer) raised the process's peak memory at the end of each benchmark.
     */
    public static void writeAtomically(Path target, Object value) throws IOException {
        writeAtomically(target, out -> STREAMING_WRITER.writeValue(out, value));
    }

    /** The same layout as {@link #WRITER}, leaving the stream open for the caller to force and close. */
    private static final ObjectWriter STREAMING_WRITER =
            WRITER.without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @FunctionalInterface
    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The bytes {@link #writeAtomically(Path, Object)} writes: UTF-8 JSON, 4-space indentation, no final newline. */
    public static byte[] bytes(Object value) throws IOException {
        return WRITER.writeValueAsBytes(value);
    }

    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        writeAtomically(target, out -> out.write(bytes));
    }

    private static void writeAtomically(Path target, Content content) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = TempFiles.createFile(folder, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream out = new java.io.BufferedOutputStream(
                            java.nio.channels.Channels.newOutputStream(channel), 65536)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
