package io.benchsuite.results;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packs {@code raw_results/} into {@code raw_results.zip}, files at the zip root as the original did. The
 * zip is written next to its target and renamed into place, so an interrupted zip never replaces a good
 * one. The folder is left alone: whether to delete it is the caller's decision.
 */
public final class RawResultsZip {

    private RawResultsZip() {}

    public static void zip(Path rawFolder, Path zipFile) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(rawFolder)) {
            files = listing.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().endsWith(".tmp"))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        }
        Path temp = TempFiles.createFile(zipFile.toAbsolutePath().getParent(), "." + zipFile.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp);
                    ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Path file : files) {
                    zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
            }
            Files.move(temp, zipFile, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
