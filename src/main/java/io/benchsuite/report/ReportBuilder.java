package io.benchsuite.report;

import io.benchsuite.report.chart.KvCacheProfileChart;
import io.benchsuite.report.chart.PromptIngestionChart;
import io.benchsuite.report.chart.SpeedGenerationChart;
import io.benchsuite.report.chart.TotalSpeedGenerationChart;
import io.benchsuite.report.model.KvProfileReport;
import io.benchsuite.report.model.PairReport;
import io.benchsuite.report.model.ReportModel;
import io.benchsuite.results.JsonFiles;
import io.benchsuite.results.RawResultsZip;
import io.benchsuite.results.TempFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Draws the report of an output folder from its raw results: reads them, builds the model, writes every
 * file of {@code report/}, then packs {@code raw_results/} into {@code raw_results.zip}.
 *
 * <p>The new report is written into a fresh sibling folder and swapped in at the end, so a report redrawn
 * from fewer results never keeps a stale graph of an earlier one, and a failure halfway leaves the previous
 * report whole.
 */
public final class ReportBuilder {

    private static final Logger LOG = Logger.getLogger(ReportBuilder.class);

    private ReportBuilder() {}

    public static ReportSummary build(Path outputFolder, ReportSettings settings) throws IOException {
        return build(
                outputFolder, new RawResultsReader(settings.minNumberOfValidQueries()).read(outputFolder), settings);
    }

    /** Draws the report from raw results already read from {@code outputFolder}, filtered with the settings. */
    public static ReportSummary build(Path outputFolder, RawResults rawResults, ReportSettings settings)
            throws IOException {
        RawResults raw = rawResults.withMinValidQueries(settings.minNumberOfValidQueries());
        ReportModel model = ReportModelBuilder.build(raw, settings);
        Path reportFolder = outputFolder.resolve(ReportFiles.REPORT_FOLDER);
        Path staging = TempFiles.createFolder(outputFolder, ".report-");
        List<String> written;
        try {
            written = new Writer(staging).writeAll(model);
            replace(reportFolder, staging);
        } finally {
            deleteTree(staging);
        }
        Optional<Path> zip = Optional.empty();
        Path rawFolder = outputFolder.resolve(RawResultsReader.RAW_FOLDER);
        if (Files.isDirectory(rawFolder)) {
            zip = Optional.of(outputFolder.resolve(RawResultsReader.RAW_ZIP));
            RawResultsZip.zip(rawFolder, zip.get());
        }
        LOG.infof(
                "Report written to %s (%d files, %d notes)",
                reportFolder, written.size(), model.notes().size());
        return new ReportSummary(reportFolder, written, zip, model.notes());
    }

    /** Writes each file of the report under one folder and remembers what it wrote. */
    private static final class Writer {
        private final Path folder;
        private final List<String> written = new ArrayList<>();
        private final Map<String, byte[]> images = new LinkedHashMap<>();

        Writer(Path folder) {
            this.folder = folder;
        }

        List<String> writeAll(ReportModel model) throws IOException {
            Files.createDirectories(folder.resolve(ReportFiles.KV_FOLDER));
            Files.createDirectories(folder.resolve(ReportFiles.SPEED_FOLDER));
            Optional<byte[]> ingestion = PromptIngestionChart.draw(model);
            if (ingestion.isPresent()) {
                png(ReportFiles.INGESTION_GRAPH, ingestion.get());
                json(ReportFiles.INGESTION_DATA, GraphData.ingestion(model.ingestion()));
            }
            for (PairReport pair : model.pairs()) {
                png(ReportFiles.speedGraph(pair.pair()), SpeedGenerationChart.draw(model, pair));
                json(ReportFiles.speedData(pair.pair()), GraphData.speedGeneration(pair));
            }
            text(ReportFiles.THRESHOLDS, ThresholdsCsv.render(model));
            for (KvProfileReport profile : model.kvProfiles()) {
                png(ReportFiles.kvGraph(profile.pair()), KvCacheProfileChart.draw(model, profile));
                json(ReportFiles.kvData(profile.pair()), GraphData.kvProfile(profile));
            }
            Optional<byte[]> total = TotalSpeedGenerationChart.draw(model);
            if (total.isPresent()) {
                png(ReportFiles.TOTAL_SPEED_GRAPH, total.get());
                json(ReportFiles.TOTAL_SPEED_DATA, GraphData.totalSpeed(model.pairs()));
            }
            json(ReportFiles.PARAMETERS, model.parameters());
            text(ReportFiles.MODEL_CARD, ReportPages.modelCard(model));
            text(ReportFiles.INDEX, ReportPages.index(model, images));
            return written;
        }

        private void png(String path, byte[] bytes) throws IOException {
            images.put(path, bytes);
            write(path, bytes);
        }

        private void json(String path, Object value) throws IOException {
            JsonFiles.writeAtomically(folder.resolve(path), value);
            written.add(path);
        }

        private void text(String path, String content) throws IOException {
            write(path, content.getBytes(StandardCharsets.UTF_8));
        }

        private void write(String path, byte[] bytes) throws IOException {
            Path target = folder.resolve(path);
            Files.createDirectories(target.getParent());
            Files.write(target, bytes);
            written.add(path);
        }
    }

    private static void replace(Path reportFolder, Path staging) throws IOException {
        deleteTree(reportFolder);
        Files.move(staging, reportFolder);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
