package io.benchsuite.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.report.chart.SpeedGenerationChart;
import io.benchsuite.report.chart.TotalSpeedGenerationChart;
import io.benchsuite.report.model.ReportModel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the graphs must show at a glance, read from their pixels. */
class ChartsTest {

    /** The colours of ChartStyle: the first two of the palette and the limit line's grey. */
    private static final int BLUE = 0xFF1F77B4;

    private static final int ORANGE = 0xFFFF7F0E;
    private static final int LIMIT_GREY = 0xFF5A5A5A;

    @Test
    void theSpeedGraphHasALineAtTheSpeedThreshold(@TempDir Path out) throws IOException {
        ReportModel model = model(out);
        BufferedImage image = image(SpeedGenerationChart.draw(
                model, model.pair(RawFixtures.REFERENCE).orElseThrow()));
        int longestRow = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            int row = 0;
            for (int x = 0; x < image.getWidth(); x++) {
                row += image.getRGB(x, y) == LIMIT_GREY ? 1 : 0;
            }
            longestRow = Math.max(longestRow, row);
        }
        // A dotted line across the plot (levels 1 to 10): hundreds of pixels of its grey on one row.
        assertTrue(longestRow > 300, "threshold line pixels on one row: " + longestRow);
    }

    @Test
    void pairsWithTheSameTotalSpeedStayVisibleOnTopOfEachOther(@TempDir Path out) throws IOException {
        // The fixtures' two pairs have the same total speed at every level: the second line lies on the first.
        BufferedImage image = image(TotalSpeedGenerationChart.draw(model(out)).orElseThrow());
        int blue = 0;
        int orange = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                blue += image.getRGB(x, y) == BLUE ? 1 : 0;
                orange += image.getRGB(x, y) == ORANGE ? 1 : 0;
            }
        }
        // Beyond the legend's few dozen pixels each: both lines show along the whole plot.
        assertTrue(blue > 1000 && orange > 1000, "blue " + blue + ", orange " + orange);
    }

    private static ReportModel model(Path out) throws IOException {
        new RawFixtures(out).completeSet();
        return ReportModelBuilder.build(
                new RawResultsReader(50).read(out),
                new ReportSettings(20, 0.95, 50, Optional.empty(), Optional.empty()));
    }

    private static BufferedImage image(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }
}
