package io.benchsuite.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The look shared by every chart of the report, and the PNG encoding. */
public final class ChartStyle {

    /** Close to the original's 18.5 x 10.5 inches at 75 dpi (1388 x 788), in round numbers. */
    public static final int WIDTH = 1400;

    public static final int HEIGHT = 800;

    static final Color BLUE = new Color(31, 119, 180);
    static final Color RED = new Color(214, 39, 40);
    static final Color GREEN = new Color(44, 160, 44);
    static final Color GREY = new Color(150, 150, 150);
    /** Distinct colours for charts with one line per pair (matplotlib's default cycle, readable on white). */
    static final Color[] PALETTE = {
        BLUE,
        new Color(255, 127, 14),
        GREEN,
        RED,
        new Color(148, 103, 189),
        new Color(140, 86, 75),
        new Color(227, 119, 194),
        new Color(127, 127, 127),
        new Color(188, 189, 34),
        new Color(23, 190, 207)
    };

    static final BasicStroke DASHED =
            new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f);
    static final BasicStroke SOLID = new BasicStroke(2.5f);
    /** A limit drawn across the plot (the speed threshold): darker and more finely dashed than the data. */
    static final BasicStroke LIMIT =
            new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 4f}, 0f);

    static final Color LIMIT_COLOR = new Color(90, 90, 90);
    /** One shape per series of a chart with one line per pair, so that a point hidden under another shows. */
    static final org.knowm.xchart.style.markers.Marker[] MARKERS = {
        SeriesMarkers.CIRCLE,
        SeriesMarkers.DIAMOND,
        SeriesMarkers.SQUARE,
        SeriesMarkers.TRIANGLE_UP,
        SeriesMarkers.TRIANGLE_DOWN,
        SeriesMarkers.CROSS
    };

    static final BasicStroke THIN = new BasicStroke(1.5f);

    static {
        // Reports are drawn on servers and in containers: never try to open a display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ChartStyle() {}

    /** A chart with the report's size, fonts and a legend under the plot. */
    static XYChart newChart(String title, String xAxisTitle, String yAxisTitle) {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle(xAxisTitle)
                .yAxisTitle(yAxisTitle)
                .build();
        Styler styler = chart.getStyler();
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        chart.getStyler().setMarkerSize(9);
        chart.getStyler().setYAxisTickLabelsFormattingFunction(ChartStyle::tickLabel);
        return chart;
    }

    /**
     * A y tick label: whole numbers without decimals, others with up to four significant decimals and a
     * leading zero (XChart's default prints ".05").
     */
    static String tickLabel(double value) {
        if (value == Math.rint(value)) {
            return String.valueOf(Math.round(value));
        }
        return java.math.BigDecimal.valueOf(value)
                .setScale(4, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    /**
     * An x tick label with three significant digits: XChart places time ticks at uneven steps on long
     * profiles ("53.2494"), which only need to be read to the second.
     */
    static String roundedTickLabel(double value) {
        if (value == 0) {
            return "0";
        }
        return java.math.BigDecimal.valueOf(value)
                .round(new java.math.MathContext(3))
                .stripTrailingZeros()
                .toPlainString();
    }

    /** Numbers of parallel requests are whole: label only the whole ticks of the x axis. */
    static void wholeNumbersOnXAxis(XYChart chart) {
        chart.getStyler()
                .setXAxisTickLabelsFormattingFunction(x -> x == Math.rint(x) ? String.valueOf(Math.round(x)) : "");
    }

    /**
     * A vertical segment from {@code low} to {@code high} at {@code x}, outside the legend: XChart's own
     * error bars are symmetric, and the report's p25-p75 bars are not.
     */
    static void errorBar(XYChart chart, String name, double x, double low, double high, Color color, int yAxisGroup) {
        XYSeries bar = chart.addSeries(name, new double[] {x, x}, new double[] {low, high});
        bar.setShowInLegend(false);
        bar.setMarker(SeriesMarkers.NONE);
        bar.setLineColor(color);
        bar.setLineStyle(THIN);
        bar.setYAxisGroup(yAxisGroup);
    }

    /**
     * The line of the {@code index}-th series of a chart with one line per pair: the first is the widest and
     * solid, each next one narrower and dashed differently, so that series with the same values stay visible
     * on top of each other instead of the last one hiding the others.
     */
    static BasicStroke overlappingLine(int index) {
        float width = Math.max(1.5f, 5f - 1.1f * index);
        if (index == 0) {
            return new BasicStroke(width);
        }
        float dash = 4f + 3f * (index % 4);
        return new BasicStroke(
                width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {dash, dash * 0.6f}, 0f);
    }

    /** A setting's value without trailing zeros, as the pages print it: 20 rather than 20.0, 0.95 as is. */
    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** A horizontal line at {@code y} across {@code [fromX, toX]}, in the legend under {@code name}. */
    static XYSeries limitLine(XYChart chart, String name, double fromX, double toX, double y, int yAxisGroup) {
        XYSeries line = chart.addSeries(name, new double[] {fromX, toX}, new double[] {y, y});
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(LIMIT_COLOR);
        line.setLineStyle(LIMIT);
        line.setYAxisGroup(yAxisGroup);
        return line;
    }

    static byte[] png(XYChart chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the chart \"" + chart.getTitle() + "\" as PNG", e);
        }
    }
}
