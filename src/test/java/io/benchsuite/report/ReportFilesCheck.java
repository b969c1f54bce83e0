package io.benchsuite.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.benchsuite.report.chart.ChartStyle;
import io.benchsuite.report.model.Pair;
import io.benchsuite.results.JsonFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Checks that report files are well formed; shared by the builder test and the command-line test. */
final class ReportFilesCheck {

    private ReportFilesCheck() {}

    static void png(Path file) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " exists");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(file)));
        assertNotNull(image, file + " decodes as an image");
        assertEquals(ChartStyle.WIDTH, image.getWidth(), file.toString());
        assertEquals(ChartStyle.HEIGHT, image.getHeight(), file.toString());
    }

    static JsonNode json(Path file) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " exists");
        return JsonFiles.MAPPER.readTree(Files.readAllBytes(file));
    }

    static List<String> csvLines(Path file) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " exists");
        return Files.readAllLines(file);
    }

    /** Every file of the complete fixture set's report. */
    static void completeReport(Path report) throws IOException {
        png(report.resolve(ReportFiles.INGESTION_GRAPH));
        png(report.resolve(ReportFiles.TOTAL_SPEED_GRAPH));
        for (Pair pair : List.of(RawFixtures.SHORT, RawFixtures.REFERENCE)) {
            png(report.resolve(ReportFiles.speedGraph(pair)));
            png(report.resolve(ReportFiles.kvGraph(pair)));
            assertTrue(json(report.resolve(ReportFiles.speedData(pair))).isObject());
            assertTrue(json(report.resolve(ReportFiles.kvData(pair))).isObject());
        }
        assertTrue(json(report.resolve(ReportFiles.INGESTION_DATA)).isObject());
        assertTrue(json(report.resolve(ReportFiles.TOTAL_SPEED_DATA)).isObject());
        assertTrue(json(report.resolve(ReportFiles.PARAMETERS)).isObject());
        // After the original's columns: the status of each threshold and the levels run. (1024,16)'s KV cache
        // never reached its threshold; (1024,128)'s did at N=4, and both speeds failed at some level.
        assertEquals(
                List.of(
                        ThresholdsCsv.HEADER_WITH_KV,
                        "4,10,1024,16,measured,not_reached,1;2;4;10,,",
                        "4,10,1024,128,measured,measured,1;2;4;10,,"),
                csvLines(report.resolve(ReportFiles.THRESHOLDS)));
        assertTrue(Files.readString(report.resolve(ReportFiles.MODEL_CARD)).startsWith("# Model card for Test Model"));
        assertTrue(Files.readString(report.resolve(ReportFiles.INDEX)).contains("data:image/png;base64,"));
    }
}
