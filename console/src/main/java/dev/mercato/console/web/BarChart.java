package dev.mercato.console.web;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.quarkus.qute.TemplateData;

/**
 * A bar chart drawn as SVG on the server ({@code templates/barChart.html}): one bar per point, on a value axis from the
 * lower of zero and the smallest value to the higher of zero and the largest, rounded out to a step of 1, 2, 2.5 or 5
 * times a power of ten. Coordinates are in the SVG's own units ({@link #WIDTH} × {@link #HEIGHT}); the page scales it.
 */
@TemplateData
public record BarChart(String id, String title, String unit, List<Bar> bars, List<Tick> ticks, List<Label> labels,
        String zeroY) {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 240;
    static final double LEFT = 64;
    static final double RIGHT = 8;
    static final double TOP = 10;
    static final double BOTTOM = 40;
    static final int MAX_LABELS = 8;
    static final int TICKS = 4;

    /** One value and what it is of (a day, an hour, a month). */
    public record Point(String label, BigDecimal value) {
    }

    /** A drawn bar: where it stands and the point it shows. */
    @TemplateData
    public record Bar(String x, String y, String width, String height, String label, String value) {
    }

    /** A line of the value axis: its value and height. */
    @TemplateData
    public record Tick(String y, String value) {
    }

    /** A label under the bars (not every bar gets one when there are many). */
    @TemplateData
    public record Label(String x, String text) {
    }

    public static BarChart of(String id, String title, String unit, List<Point> points) {
        double low = 0;
        double high = 0;
        for (Point point : points) {
            low = Math.min(low, point.value().doubleValue());
            high = Math.max(high, point.value().doubleValue());
        }
        double step = step(high - low);
        double bottom = Math.floor(low / step) * step;
        double top = Math.ceil(high / step) * step;
        if (top == bottom) {
            top = bottom + step;
        }
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = points.isEmpty() ? plotWidth : plotWidth / points.size();
        double barWidth = Math.max(1, slot * 0.8);
        double scale = plotHeight / (top - bottom);
        double zero = TOP + (top - 0) * scale;
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        int labelEvery = Math.max(1, (int) Math.ceil(points.size() / (double) MAX_LABELS));
        for (int i = 0; i < points.size(); i++) {
            Point point = points.get(i);
            double value = point.value().doubleValue();
            double yTop = TOP + (top - Math.max(value, 0)) * scale;
            double yBottom = TOP + (top - Math.min(value, 0)) * scale;
            double x = LEFT + i * slot + (slot - barWidth) / 2;
            bars.add(new Bar(number(x), number(yTop), number(barWidth), number(yBottom - yTop), point.label(),
                    point.value().stripTrailingZeros().toPlainString()));
            if (i % labelEvery == 0) {
                labels.add(new Label(number(LEFT + i * slot + slot / 2), point.label()));
            }
        }
        List<Tick> ticks = new ArrayList<>();
        long steps = Math.round((top - bottom) / step);
        for (long k = 0; k <= steps; k++) {
            double value = bottom + k * step;
            ticks.add(new Tick(number(TOP + (top - value) * scale),
                    BigDecimal.valueOf(value).round(new MathContext(12)).stripTrailingZeros().toPlainString()));
        }
        return new BarChart(id, title, unit, List.copyOf(bars), List.copyOf(ticks), List.copyOf(labels), number(zero));
    }

    /** The axis step: the range over about {@link #TICKS} steps, rounded up to 1, 2, 2.5 or 5 times a power of ten. */
    static double step(double range) {
        if (!(range > 0)) {
            return 1;
        }
        double raw = range / TICKS;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double nice : new double[] { 1, 2, 2.5, 5 }) {
            if (raw <= nice * magnitude) {
                return nice * magnitude;
            }
        }
        return 10 * magnitude;
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    /** Where the value axis's labels end (right-aligned) and the labels' baseline under the bars. */
    public String axisX() {
        return number(LEFT - 6);
    }

    public String plotLeft() {
        return number(LEFT);
    }

    public String plotRight() {
        return number(WIDTH - RIGHT);
    }

    public String labelY() {
        return number(HEIGHT - BOTTOM + 16);
    }

    public boolean empty() {
        return bars.isEmpty();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
