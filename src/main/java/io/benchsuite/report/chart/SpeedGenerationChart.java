package io.benchsuite.report.chart;

import io.benchsuite.report.model.LevelReport;
import io.benchsuite.report.model.PairReport;
import io.benchsuite.report.model.Quartiles;
import io.benchsuite.report.model.ReportModel;
import java.awt.Color;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code speed_generation_graph_input_{in}_output_{out}.png}: per level of one pair, the median per-request
 * speed (left axis) and the median time to first token in milliseconds (right axis), both with p25-p75
 * bars, and the highest KV-cache usage on a third axis when the server reported it.
 */
public final class SpeedGenerationChart {

    private static final int SPEED_AXIS = 0;
    private static final int TTFT_AXIS = 1;
    private static final int KV_AXIS = 2;

    private SpeedGenerationChart() {}

    public static byte[] draw(ReportModel model, PairReport pair) {
        XYChart chart = ChartStyle.newChart(
                "Model : " + model.modelName() + " | Speed generation | input length : "
                        + pair.pair().inputLength() + " | output length : "
                        + pair.pair().outputLength(),
                "Number of parallel requests",
                "Speed generation per request (tokens/s)");
        ChartStyle.wholeNumbersOnXAxis(chart);
        chart.setYAxisGroupTitle(SPEED_AXIS, "Speed generation per request (tokens/s)");
        chart.getStyler().setYAxisMin(SPEED_AXIS, 0.0);
        double minLevel = pair.levels().stream()
                .mapToDouble(LevelReport::parallelRequests)
                .min()
                .orElse(1);
        double maxLevel = pair.levels().stream()
                .mapToDouble(LevelReport::parallelRequests)
                .max()
                .orElse(1);
        quartileSeries(
                chart,
                "Speed generation (median, p25-p75 bars)",
                pair.levels(),
                LevelReport::speed,
                ChartStyle.BLUE,
                SPEED_AXIS);
        // The answer at a glance: the levels whose speed is above this line meet the threshold.
        ChartStyle.limitLine(
                chart,
                "Speed threshold (" + ChartStyle.number(model.speedThreshold()) + " t/s)",
                minLevel,
                maxLevel,
                model.speedThreshold(),
                SPEED_AXIS);
        chart.setYAxisGroupTitle(TTFT_AXIS, "Time to first token (ms)");
        chart.getStyler().setYAxisGroupPosition(TTFT_AXIS, Styler.YAxisPosition.Right);
        chart.getStyler().setYAxisMin(TTFT_AXIS, 0.0);
        quartileSeries(
                chart,
                "Time to first token (median, p25-p75 bars)",
                pair.levels(),
                LevelReport::ttftMillis,
                ChartStyle.RED,
                TTFT_AXIS);
        if (pair.levels().stream().anyMatch(LevelReport::contentComesLater)) { // a reasoning model thinks first
            quartileSeries(
                    chart,
                    "Time to first content (median, p25-p75 bars)",
                    pair.levels(),
                    LevelReport::ttfcMillis,
                    ChartStyle.PALETTE[1],
                    TTFT_AXIS);
        }
        if (pair.hasKvMetrics()) {
            XYSeries kv = chart.addSeries(
                    "Max KV cache usage",
                    pair.levels().stream()
                            .mapToDouble(LevelReport::parallelRequests)
                            .toArray(),
                    pair.levels().stream().mapToDouble(LevelReport::maxKvCache).toArray());
            kv.setYAxisGroup(KV_AXIS);
            kv.setLineColor(ChartStyle.GREEN);
            kv.setMarkerColor(ChartStyle.GREEN);
            kv.setLineStyle(ChartStyle.DASHED);
            kv.setMarker(SeriesMarkers.SQUARE);
            chart.setYAxisGroupTitle(KV_AXIS, "Max KV cache usage (0-1)");
            chart.getStyler().setYAxisGroupPosition(KV_AXIS, Styler.YAxisPosition.Right);
            chart.getStyler().setYAxisMin(KV_AXIS, 0.0);
            chart.getStyler().setYAxisMax(KV_AXIS, 1.0);
        }
        return ChartStyle.png(chart);
    }

    private static void quartileSeries(
            XYChart chart,
            String name,
            List<LevelReport> levels,
            Function<LevelReport, Optional<Quartiles>> statistic,
            Color color,
            int axis) {
        List<LevelReport> measured = levels.stream()
                .filter(level -> statistic.apply(level).isPresent())
                .toList();
        if (measured.isEmpty()) {
            return;
        }
        XYSeries series = chart.addSeries(
                name,
                measured.stream().mapToDouble(LevelReport::parallelRequests).toArray(),
                measured.stream()
                        .mapToDouble(
                                level -> statistic.apply(level).orElseThrow().median())
                        .toArray());
        series.setYAxisGroup(axis);
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setLineStyle(ChartStyle.SOLID);
        // Speed and TTFT share the levels' verticals: different shapes keep both readable where they meet.
        series.setMarker(axis == SPEED_AXIS ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
        for (LevelReport level : measured) {
            Quartiles q = statistic.apply(level).orElseThrow();
            ChartStyle.errorBar(
                    chart,
                    name + " bar " + level.parallelRequests(),
                    level.parallelRequests(),
                    q.p25(),
                    q.p75(),
                    color,
                    axis);
        }
    }
}
