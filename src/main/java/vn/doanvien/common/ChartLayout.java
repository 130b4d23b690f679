package vn.doanvien.common;

import java.util.Locale;

/**
 * Where everything of a {@link LineChart} goes, for both drawings (SvgChart, PngChart): a 960 × 540 page, the plot
 * area inside its margins, round y ticks from the lowest to the highest value (zero included), categories spread
 * evenly on the x axis (one category in the middle), at most {@value #MAX_X_LABELS} x labels with the last always
 * shown, and the legend entries side by side.
 */
final class ChartLayout {

    static final int WIDTH = 960;
    static final int HEIGHT = 540;
    static final int LEFT = 100;
    static final int RIGHT = 40;
    static final int TOP = 80;
    static final int BOTTOM = 130;
    static final int MAX_X_LABELS = 16;
    static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

    final double[] ticks;
    private final double lo;
    private final double hi;
    private final int n;
    private final double step;
    private final int every;
    private final int categories;

    ChartLayout(LineChart chart) {
        double max = 0;
        double min = 0;
        for (LineChart.Series s : chart.series()) {
            for (Double v : s.values()) {
                if (v != null) {
                    max = Math.max(max, v);
                    min = Math.min(min, v);
                }
            }
        }
        ticks = ticks(min, max);
        lo = ticks[0];
        hi = ticks[ticks.length - 1];
        categories = chart.categories().size();
        n = Math.max(categories, 1);
        step = n == 1 ? 0 : (double) PLOT_WIDTH / (n - 1);
        every = Math.max(1, (int) Math.ceil(categories / (double) MAX_X_LABELS));
    }

    /** The x of the i-th category. */
    double x(int i) {
        return LEFT + i * step + (n == 1 ? PLOT_WIDTH / 2.0 : 0);
    }

    /** The y of a value. */
    double y(double value) {
        return TOP + PLOT_HEIGHT - (value - lo) / (hi - lo) * PLOT_HEIGHT;
    }

    /** The x of the marker at a (possibly fractional) category position, or null when there is none to draw. */
    Double markerX(Double index) {
        if (index == null || categories <= 1) {
            return null;
        }
        return LEFT + Math.max(0, Math.min(n - 1, index)) * step;
    }

    /** Whether the i-th category's label is drawn: thinned, the last always, none too close before the last. */
    boolean labelShown(int i) {
        boolean last = i == categories - 1;
        return last || i % every == 0 && categories - 1 - i >= Math.max(2, every / 2 + 1);
    }

    /** How far the next legend entry starts after the one of this series. */
    static double legendAdvance(LineChart.Series s) {
        return 60 + s.name().length() * 7.5;
    }

    /** Round tick values from lo to hi, about five steps of 1, 2 or 5 times a power of ten. */
    static double[] ticks(double min, double max) {
        if (max <= min) {
            max = min + 1;
        }
        double raw = (max - min) / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double stepSize = raw / mag <= 1 ? mag : raw / mag <= 2 ? 2 * mag : raw / mag <= 5 ? 5 * mag : 10 * mag;
        double lo = Math.floor(min / stepSize) * stepSize;
        double hi = Math.ceil(max / stepSize) * stepSize;
        int count = (int) Math.round((hi - lo) / stepSize) + 1;
        double[] t = new double[count];
        for (int i = 0; i < count; i++) {
            t[i] = lo + i * stepSize;
        }
        return t;
    }

    /** A tick label: 1,500,000, or two decimals when not whole. */
    static String number(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9) {
            return String.format(Locale.US, "%,d", (long) Math.rint(v));
        }
        return String.format(Locale.US, "%,.2f", v);
    }
}
