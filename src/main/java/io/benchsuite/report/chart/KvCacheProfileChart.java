package io.benchsuite.report.chart;

import io.benchsuite.report.model.KvProfileReport;
import io.benchsuite.report.model.ReportModel;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code graph_kv_cache_profile_input_{in}_output_{out}.png}: KV-cache usage (left axis, 0-1) and the
 * running and waiting requests (right axis) over the profile run. Waiting requests appearing while the usage
 * is near 1 is what a full cache looks like.
 */
public final class KvCacheProfileChart {

    private static final int USAGE_AXIS = 0;
    private static final int REQUESTS_AXIS = 1;

    private KvCacheProfileChart() {}

    public static byte[] draw(ReportModel model, KvProfileReport profile) {
        // The original titled this graph with the model's path while the others used its display name.
        XYChart chart = ChartStyle.newChart(
                "Model : " + model.modelName() + " | KV cache profile | input length : "
                        + profile.pair().inputLength() + " | output length : "
                        + profile.pair().outputLength(),
                "Time (s)",
                "KV cache usage (0-1)");
        chart.getStyler().setXAxisTickLabelsFormattingFunction(ChartStyle::roundedTickLabel);
        double[] seconds = profile.points().stream()
                .mapToDouble(KvProfileReport.Point::seconds)
                .toArray();
        XYSeries usage = line(
                chart,
                "KV cache usage",
                seconds,
                profile.points().stream()
                        .mapToDouble(KvProfileReport.Point::usage)
                        .toArray(),
                USAGE_AXIS);
        usage.setLineColor(ChartStyle.GREEN);
        chart.setYAxisGroupTitle(USAGE_AXIS, "KV cache usage (0-1)");
        chart.getStyler().setYAxisMin(USAGE_AXIS, 0.0);
        chart.getStyler().setYAxisMax(USAGE_AXIS, 1.0);
        double[] running = profile.points().stream()
                .mapToDouble(KvProfileReport.Point::running)
                .toArray();
        double[] waiting = profile.points().stream()
                .mapToDouble(KvProfileReport.Point::waiting)
                .toArray();
        XYSeries runningSeries = line(chart, "Running requests", seconds, running, REQUESTS_AXIS);
        runningSeries.setLineColor(ChartStyle.BLUE);
        XYSeries waitingSeries = line(chart, "Waiting requests", seconds, waiting, REQUESTS_AXIS);
        waitingSeries.setLineColor(ChartStyle.RED);
        chart.setYAxisGroupTitle(REQUESTS_AXIS, "Requests (count)");
        chart.getStyler().setYAxisGroupPosition(REQUESTS_AXIS, Styler.YAxisPosition.Right);
        chart.getStyler().setYAxisMin(REQUESTS_AXIS, 0.0);
        chart.getStyler().setYAxisMax(REQUESTS_AXIS, Math.max(max(running), max(waiting)) + 1);
        return ChartStyle.png(chart);
    }

    private static XYSeries line(XYChart chart, String name, double[] x, double[] y, int axis) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineStyle(ChartStyle.SOLID);
        series.setYAxisGroup(axis);
        return series;
    }

    /** The axis range only: the largest count drawn, so the top line is not on the frame. */
    private static double max(double[] values) {
        double max = 0;
        for (double value : values) {
            max = Math.max(max, value);
        }
        return max;
    }
}
