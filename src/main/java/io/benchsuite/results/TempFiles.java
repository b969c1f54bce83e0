package io.benchsuite.results;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * Temporary files and folders for writes that are renamed into place, created with the mode any program's
 * new files get (0666 or 0777 less the umask). {@link Files#createTempFile} and
 * {@link Files#createTempDirectory} make them private (0600, 0700) and a rename keeps that mode, so results
 * written through them could be read by their writer only: in a container that writes as another user, the
 * host user could not open the report.
 */
public final class TempFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TempFiles() {}

    /**
     * A new empty file {@code folder/prefix<random>suffix}, mode from the umask.
     *
     * @throws IOException when the folder cannot be written
     */
    public static Path createFile(Path folder, String prefix, String suffix) throws IOException {
        while (true) {
            try {
                return Files.createFile(folder.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong()) + suffix));
            } catch (FileAlreadyExistsException e) {
                // a name drawn twice: draw again
            }
        }
    }

    /** A new empty folder {@code folder/prefix<random>}, mode from the umask. */
    public static Path createFolder(Path folder, String prefix) throws IOException {
        while (true) {
            try {
                return Files.createDirectory(folder.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong())));
            } catch (FileAlreadyExistsException e) {
                // a name drawn twice: draw again
            }
        }
    }
}
