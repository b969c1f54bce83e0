package io.benchsuite.report.chart;

import io.benchsuite.report.model.IngestionReport;
import io.benchsuite.report.model.ReportModel;
import io.benchsuite.stats.IngestionPoint;
import io.benchsuite.stats.PromptIngestionFit;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code prompt_ingestion_graph.png}: time to first token against prompt length, the points kept by the
 * outlier rule, those it left out (in grey, new), and the fitted line whose inverse slope is the speed.
 */
public final class PromptIngestionChart {

    private PromptIngestionChart() {}

    /** Empty when there is no ingestion point to draw. */
    public static Optional<byte[]> draw(ReportModel model) {
        IngestionReport ingestion = model.ingestion();
        if (ingestion.points().isEmpty()) {
            return Optional.empty();
        }
        // The model card's figure, with its rounding: one number for one measurement (the data file keeps the
        // unrounded inverse slope).
        String speed = model.keyNumbers().ingestionSpeed().isPresent()
                ? "~" + model.keyNumbers().ingestionSpeed().getAsLong() + " tokens per second"
                : "no fit possible";
        XYChart chart = ChartStyle.newChart(
                "Model : " + model.modelName() + " | Prompt ingestion speed : " + speed,
                "Prompt length (tokens)",
                "Time to first token (s)");
        if (ingestion.fit().isPresent()) {
            PromptIngestionFit fit = ingestion.fit().get();
            List<IngestionPoint> left = ingestion.leftOutPoints();
            if (!left.isEmpty()) {
                scatter(chart, "Left out (more than 5 % from the first fit)", left)
                        .setMarkerColor(ChartStyle.GREY);
            }
            scatter(chart, "Measured (kept for the fit)", fit.keptPoints()).setMarkerColor(ChartStyle.BLUE);
            double minX = fit.keptPoints().stream()
                    .mapToDouble(IngestionPoint::promptLength)
                    .min()
                    .orElse(0);
            double maxX = fit.keptPoints().stream()
                    .mapToDouble(IngestionPoint::promptLength)
                    .max()
                    .orElse(0);
            XYSeries line = chart.addSeries(
                    String.format(
                            "Fit: TTFT = %.3g s/token x length + %.3g s",
                            fit.fit().slope(), fit.fit().intercept()),
                    new double[] {minX, maxX},
                    new double[] {fit.fit().at(minX), fit.fit().at(maxX)});
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(ChartStyle.RED);
            line.setLineStyle(ChartStyle.DASHED);
        } else {
            scatter(chart, "Measured", ingestion.points()).setMarkerColor(ChartStyle.BLUE);
        }
        return Optional.of(ChartStyle.png(chart));
    }

    private static XYSeries scatter(XYChart chart, String name, List<IngestionPoint> points) {
        XYSeries series = chart.addSeries(
                name,
                points.stream().mapToDouble(IngestionPoint::promptLength).toArray(),
                points.stream().mapToDouble(IngestionPoint::timeToFirstToken).toArray());
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(SeriesMarkers.CIRCLE);
        return series;
    }
}
