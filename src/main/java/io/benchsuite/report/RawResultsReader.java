package io.benchsuite.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.benchsuite.config.UsageException;
import io.benchsuite.results.JsonFiles;
import io.benchsuite.results.RawFileName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.logging.Logger;

/**
 * Reads the raw results of an output folder: every {@code *.json} of {@code raw_results/} whose name does not
 * contain "graph", or, when that folder is gone, the entries of {@code raw_results.zip}. Tolerant by design:
 * the report must be drawn from whatever a run left behind, so a file that is not JSON, lacks keys or has an
 * unknown name is skipped with a warning naming it, never an exception.
 *
 * <p>Applies the original's validity filter per file: a file is kept when
 * {@code total - errored + timeouts >= minValidQueries}.
 */
public final class RawResultsReader {

    public static final String RAW_FOLDER = "raw_results";
    public static final String RAW_ZIP = "raw_results.zip";

    private static final Logger LOG = Logger.getLogger(RawResultsReader.class);

    private final int minValidQueries;

    public RawResultsReader(int minValidQueries) {
        this.minValidQueries = minValidQueries;
    }

    /** Whether the output folder holds raw results in either form. */
    public static boolean hasRawResults(Path outputFolder) {
        return Files.isDirectory(outputFolder.resolve(RAW_FOLDER))
                || Files.isRegularFile(outputFolder.resolve(RAW_ZIP));
    }

    /**
     * The one check of "is this a run folder" that the commands reading a finished run share (report, compare).
     *
     * @param label how the command line named the folder, e.g. {@code --output-folder} or {@code RUN_A}; it
     *              starts the message so the user sees which argument to fix
     * @param folder the folder given
     * @throws UsageException with a one-line message naming the fix when the folder does not exist or is a
     *              file, or when it holds neither {@code raw_results/} nor {@code raw_results.zip}
     */
    public static void requireRunFolder(String label, Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new UsageException(label + " " + folder + " is not a folder; give a run folder (the one holding "
                    + RAW_FOLDER + "/ or " + RAW_ZIP + ")");
        }
        if (!hasRawResults(folder)) {
            throw new UsageException(label + " " + folder + " is not a run: it holds neither " + RAW_FOLDER + "/ nor "
                    + RAW_ZIP + "; give the folder a suite wrote (--run-folder)");
        }
    }

    public RawResults read(Path outputFolder) throws IOException {
        Collector collector = new Collector();
        Path folder = outputFolder.resolve(RAW_FOLDER);
        if (Files.isDirectory(folder)) {
            List<Path> files;
            try (Stream<Path> listing = Files.list(folder)) {
                files = listing.filter(Files::isRegularFile)
                        .sorted(Comparator.comparing(Path::toString))
                        .toList();
            }
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                if (isCandidate(fileName)) {
                    collector.accept(fileName, () -> Files.readAllBytes(file));
                }
            }
        } else if (Files.isRegularFile(outputFolder.resolve(RAW_ZIP))) {
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(outputFolder.resolve(RAW_ZIP)))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    String fileName = Path.of(entry.getName()).getFileName().toString();
                    if (!entry.isDirectory() && isCandidate(fileName)) {
                        byte[] bytes = zip.readAllBytes();
                        collector.accept(fileName, () -> bytes);
                    }
                }
            }
        }
        collector.kept.sort(Comparator.comparing(RawRun::fileName));
        collector.tooFewValid.sort(Comparator.comparing(RawRun::fileName));
        return new RawResults(collector.kept, collector.tooFewValid, collector.warnings);
    }

    private static boolean isCandidate(String fileName) {
        return fileName.endsWith(".json") && !fileName.contains("graph");
    }

    private interface Content {
        byte[] bytes() throws IOException;
    }

    /** Sorts each file into kept, too few valid, or a warning. */
    private final class Collector {
        final List<RawRun> kept = new ArrayList<>();
        final List<RawRun> tooFewValid = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        void accept(String fileName, Content content) {
            Optional<RawFileName> name = RawFileName.parse(fileName);
            if (name.isEmpty()) {
                warn(fileName + ": not a raw result name this tool writes; skipped");
                return;
            }
            RawRun run;
            try {
                JsonNode root = JsonFiles.MAPPER.readTree(content.bytes());
                if (root == null) {
                    throw new IllegalArgumentException("the file is empty");
                }
                run = RawRunParser.parse(fileName, name.get(), root);
            } catch (IOException | IllegalArgumentException e) {
                warn(fileName + ": unreadable (" + firstLine(e) + "); skipped");
                return;
            }
            if (run.validQueries() >= minValidQueries) {
                kept.add(run);
            } else {
                tooFewValid.add(run);
            }
        }

        private void warn(String warning) {
            LOG.warn(warning);
            warnings.add(warning);
        }

        private String firstLine(Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return message.lines().findFirst().orElse("").strip();
        }
    }
}
