package io.benchsuite.report.chart;

import io.benchsuite.report.model.PairReport;
import io.benchsuite.report.model.ReportModel;
import io.benchsuite.stats.TotalSpeedGeneration;
import io.benchsuite.stats.TotalSpeedPoint;
import java.awt.Color;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/**
 * {@code total_speed_generation_graph.png}: the server's aggregate generation speed against the number of
 * parallel requests, one line per pair. The original had no title; this one has.
 */
public final class TotalSpeedGenerationChart {

    private TotalSpeedGenerationChart() {}

    /** Empty when no pair has a total speed. */
    public static Optional<byte[]> draw(ReportModel model) {
        List<PairReport> pairs =
                model.pairs().stream().filter(p -> p.totalSpeed().isPresent()).toList();
        if (pairs.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = ChartStyle.newChart(
                "Model : " + model.modelName() + " | Total speed generation",
                "Number of parallel requests",
                "Total speed generation (tokens/s)");
        chart.getStyler().setYAxisMin(0.0);
        ChartStyle.wholeNumbersOnXAxis(chart);
        // Up to nine pairs: a column on the right fits them where a row under the plot would not.
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        int colour = 0;
        for (PairReport pair : pairs) {
            TotalSpeedGeneration total = pair.totalSpeed().orElseThrow();
            XYSeries series = chart.addSeries(
                    "input " + pair.pair().inputLength() + ", output "
                            + pair.pair().outputLength(),
                    total.points().stream()
                            .mapToDouble(TotalSpeedPoint::parallelRequests)
                            .toArray(),
                    total.points().stream().mapToDouble(TotalSpeedPoint::speed).toArray());
            // Pairs often give the same numbers (a server limited by its batch, not by lengths): each series
            // gets its own marker and line, so that none hides another drawn under it.
            series.setMarker(ChartStyle.MARKERS[colour % ChartStyle.MARKERS.length]);
            series.setLineStyle(ChartStyle.overlappingLine(colour));
            Color color = ChartStyle.PALETTE[colour++ % ChartStyle.PALETTE.length];
            series.setLineColor(color);
            series.setMarkerColor(color);
        }
        return Optional.of(ChartStyle.png(chart));
    }
}
