package io.benchsuite.suite;

import io.benchsuite.config.SettingsCatalog;
import io.benchsuite.config.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a suite writes: its own timestamped folder under output-folder by default, so runs never mix (the
 * original tool reused one folder and mixed left-overs of a crashed run into the next). A folder holding a
 * finished report is never overwritten silently; an unfinished one is resumed.
 */
public final class RunFolders {

    public static final String RAW_RESULTS = "raw_results";
    /** Written last, once every planned benchmark ran and the report was drawn. */
    static final String COMPLETE_MARKER = ".suite-complete";

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss");

    private RunFolders() {}

    /**
     * @param outputFolder the output-folder setting, parent of the timestamped run folders
     * @param named a run folder the user named (--run-folder), used as is
     * @param resume whether to continue an interrupted run (the named one, else the newest unfinished one)
     * @return the run folder, checked but not created
     */
    public static Path resolve(Path outputFolder, Optional<Path> named, boolean resume, LocalDateTime now) {
        if (Files.exists(outputFolder) && !Files.isDirectory(outputFolder)) {
            throw new UsageException("Output folder '" + outputFolder + "' is a file; set "
                    + SettingsCatalog.get("output-folder").spellings() + " to a folder");
        }
        Path folder;
        if (named.isPresent()) {
            folder = named.get();
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                throw new UsageException("--run-folder '" + folder + "' is a file; name a folder");
            }
            if (isFinished(folder) && !resume) {
                throw new UsageException("'" + folder + "' holds a finished suite; name another --run-folder, or "
                        + "redraw its report with: bench-suite report --output-folder " + folder);
            }
            if (Files.isDirectory(folder.resolve(RAW_RESULTS)) && !resume) {
                throw new UsageException("'" + folder + "' holds an unfinished run; add --resume to finish it, or "
                        + "name another --run-folder");
            }
        } else if (resume) {
            folder = newestUnfinished(outputFolder)
                    .orElseThrow(() -> new UsageException("Nothing to resume under '" + outputFolder
                            + "'; name the run with --run-folder, or drop --resume to start a new run"));
        } else {
            folder = outputFolder.resolve(now.format(NAME));
            for (int i = 2; Files.exists(folder); i++) {
                folder = outputFolder.resolve(now.format(NAME) + "-" + i);
            }
        }
        Path existing = folder.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            throw new UsageException("Cannot write under '" + folder + "' ('" + existing + "' is not a writable "
                    + "folder); set " + SettingsCatalog.get("output-folder").spellings() + " to a writable folder");
        }
        return folder;
    }

    /** Creates the run folder once the run is sure to start, so bad input leaves nothing behind. */
    public static Path createRawFolder(Path runFolder) throws IOException {
        return Files.createDirectories(runFolder.resolve(RAW_RESULTS));
    }

    public static boolean isFinished(Path runFolder) {
        return Files.isRegularFile(runFolder.resolve(COMPLETE_MARKER));
    }

    /**
     * Marks a suite finished: its raw results are in raw_results.zip, so the folder is removed as the
     * original tool did, and the marker keeps a later run from writing into it.
     */
    public static void markComplete(Path runFolder) throws IOException {
        Path zip = runFolder.resolve(RAW_RESULTS + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new IOException("cannot mark " + runFolder + " complete: " + zip + " is missing");
        }
        try (Stream<Path> files = Files.walk(runFolder.resolve(RAW_RESULTS))) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Files.writeString(runFolder.resolve(COMPLETE_MARKER), "complete\n");
    }

    private static Optional<Path> newestUnfinished(Path outputFolder) {
        if (!Files.isDirectory(outputFolder)) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(outputFolder)) {
            return children.filter(p -> Files.isDirectory(p.resolve(RAW_RESULTS)) && !isFinished(p))
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
