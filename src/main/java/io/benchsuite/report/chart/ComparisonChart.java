package io.benchsuite.report.chart;

import java.awt.Color;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Two runs' curves on one chart, for {@code bench-suite compare}: one line per run of a figure (median speed,
 * median time to first token) against the number of parallel requests, run A in blue, run B in red.
 */
public final class ComparisonChart {

    /**
     * One run's curve.
     *
     * @param label  the legend's name of the run
     * @param levels the x values, parallel requests, increasing
     * @param values the y values, one per level, in the unit of the chart's y axis
     */
    public record Curve(String label, List<Integer> levels, List<Double> values) {
        public Curve {
            levels = List.copyOf(levels);
            values = List.copyOf(values);
            if (levels.size() != values.size()) {
                throw new IllegalArgumentException("one value per level: " + levels + " " + values);
            }
        }
    }

    private ComparisonChart() {}

    /** The PNG of both curves; a curve without points is left out of the chart. */
    public static byte[] draw(String title, String yAxisTitle, Curve a, Curve b) {
        XYChart chart = ChartStyle.newChart(title, "Number of parallel requests", yAxisTitle);
        ChartStyle.wholeNumbersOnXAxis(chart);
        chart.getStyler().setYAxisMin(0.0);
        add(chart, a, ChartStyle.BLUE, 0);
        add(chart, b, ChartStyle.RED, 1);
        return ChartStyle.png(chart);
    }

    private static void add(XYChart chart, Curve curve, Color color, int index) {
        if (curve.levels().isEmpty()) {
            return;
        }
        XYSeries series = chart.addSeries(
                curve.label(),
                curve.levels().stream().mapToDouble(Integer::doubleValue).toArray(),
                curve.values().stream().mapToDouble(Double::doubleValue).toArray());
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setMarker(index == 0 ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
        series.setLineStyle(ChartStyle.overlappingLine(index));
    }
}
