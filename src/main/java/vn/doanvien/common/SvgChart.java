package vn.doanvien.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small SVG line chart (categories on the x axis, values on the y axis), written as text so that it needs no
 * library: title, subtitle, axis titles, gridlines with tick labels, one polyline per series (gaps where a value is
 * null), an optional vertical marker (e.g. a deadline) and a legend. Every text is XML-escaped.
 */
public final class SvgChart {

    public static final String IMAGE_SVG = "image/svg+xml";

    private static final int WIDTH = 960;
    private static final int HEIGHT = 540;
    private static final int LEFT = 100;
    private static final int RIGHT = 40;
    private static final int TOP = 80;
    private static final int BOTTOM = 130;
    private static final int MAX_X_LABELS = 16;

    private SvgChart() {
    }

    /** One line: its name in the legend, colour, values per category (null for none) and whether dashed. */
    public record Series(String name, String color, List<Double> values, boolean dashed) {
    }

    /**
     * @param markerIndex position of the vertical marker on the category axis (may be fractional), or null
     * @param markerLabel its label
     */
    public static String lineChart(String title, String subtitle, String xTitle, String yTitle, List<String> categories,
                                   List<Series> series, Double markerIndex, String markerLabel) {
        double max = 0;
        double min = 0;
        for (Series s : series) {
            for (Double v : s.values()) {
                if (v != null) {
                    max = Math.max(max, v);
                    min = Math.min(min, v);
                }
            }
        }
        double[] ticks = ticks(min, max);
        double lo = ticks[0];
        double hi = ticks[ticks.length - 1];
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        int n = Math.max(categories.size(), 1);
        double step = n == 1 ? 0 : (double) plotW / (n - 1);

        StringBuilder svg = new StringBuilder(8192);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"Arial, Helvetica, sans-serif\" role=\"img\">\n");
        svg.append("<title>").append(escape(title)).append("</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.append(text(WIDTH / 2.0, 32, "middle", 20, "bold", "chart-title", title));
        if (subtitle != null) {
            svg.append(text(WIDTH / 2.0, 56, "middle", 13, "normal", "chart-subtitle", subtitle));
        }
        // Gridlines and y tick labels.
        svg.append("<g class=\"y-axis\">\n");
        for (double t : ticks) {
            double y = TOP + plotH - (t - lo) / (hi - lo) * plotH;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e0e0e0\"/>%n",
                    LEFT, y, LEFT + plotW, y));
            svg.append(text(LEFT - 8, y + 4, "end", 12, "normal", "y-tick", number(t)));
        }
        svg.append("</g>\n");
        // Axes.
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                LEFT, TOP, LEFT, TOP + plotH));
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                LEFT, TOP + plotH, LEFT + plotW, TOP + plotH));
        // x tick labels, thinned to at most MAX_X_LABELS, the last always shown.
        svg.append("<g class=\"x-axis\">\n");
        int every = Math.max(1, (int) Math.ceil(categories.size() / (double) MAX_X_LABELS));
        for (int i = 0; i < categories.size(); i++) {
            // the last label is always shown, so a regular one too close before it would overlap it
            boolean last = i == categories.size() - 1;
            if (!last && (i % every != 0 || categories.size() - 1 - i < Math.max(2, every / 2 + 1))) {
                continue;
            }
            double x = LEFT + i * step + (n == 1 ? plotW / 2.0 : 0);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\"/>%n",
                    x, TOP + plotH, x, TOP + plotH + 5));
            svg.append(String.format(Locale.ROOT, "<text class=\"x-tick\" x=\"%.1f\" y=\"%d\" font-size=\"12\" "
                    + "text-anchor=\"end\" transform=\"rotate(-40 %.1f %d)\">%s</text>%n",
                    x, TOP + plotH + 18, x, TOP + plotH + 18, escape(categories.get(i))));
        }
        svg.append("</g>\n");
        svg.append(text(LEFT + plotW / 2.0, HEIGHT - 46, "middle", 14, "bold", "x-title", xTitle));
        svg.append(String.format(Locale.ROOT, "<text class=\"y-title\" x=\"22\" y=\"%.1f\" font-size=\"14\" "
                + "font-weight=\"bold\" text-anchor=\"middle\" transform=\"rotate(-90 22 %.1f)\">%s</text>%n",
                TOP + plotH / 2.0, TOP + plotH / 2.0, escape(yTitle)));
        // Marker.
        if (markerIndex != null && categories.size() > 1) {
            double x = LEFT + Math.max(0, Math.min(n - 1, markerIndex)) * step;
            svg.append(String.format(Locale.ROOT, "<line class=\"marker\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                    + "stroke=\"#8e44ad\" stroke-width=\"2\" stroke-dasharray=\"4 4\"/>%n", x, TOP, x, TOP + plotH));
            // at the foot of the line: the series usually run high near a deadline
            svg.append(text(x - 6, TOP + plotH - 8, "end", 12, "bold", "marker-label", markerLabel));
        }
        // Series.
        for (Series s : series) {
            svg.append("<g class=\"series\" data-name=\"").append(escape(s.name())).append("\">\n");
            List<String> segment = new ArrayList<>();
            for (int i = 0; i <= s.values().size(); i++) {
                Double v = i < s.values().size() ? s.values().get(i) : null;
                if (v == null) {
                    svg.append(polyline(segment, s));
                    segment.clear();
                    continue;
                }
                double x = LEFT + i * step + (n == 1 ? plotW / 2.0 : 0);
                double y = TOP + plotH - (v - lo) / (hi - lo) * plotH;
                segment.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
            }
            svg.append("</g>\n");
        }
        // Legend.
        svg.append("<g class=\"legend\">\n");
        double lx = LEFT;
        for (Series s : series) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"3\"%s/>%n", lx, HEIGHT - 16, lx + 28, HEIGHT - 16, escape(s.color()),
                    s.dashed() ? " stroke-dasharray=\"6 4\"" : ""));
            svg.append(text(lx + 34, HEIGHT - 12, "start", 13, "normal", "legend-label", s.name()));
            lx += 60 + s.name().length() * 7.5;
        }
        svg.append("</g>\n</svg>\n");
        return svg.toString();
    }

    private static String polyline(List<String> points, Series s) {
        if (points.isEmpty()) {
            return "";
        }
        if (points.size() == 1) {
            String[] xy = points.get(0).split(",");
            return "<circle cx=\"" + xy[0] + "\" cy=\"" + xy[1] + "\" r=\"3\" fill=\"" + escape(s.color()) + "\"/>\n";
        }
        return "<polyline fill=\"none\" stroke=\"" + escape(s.color()) + "\" stroke-width=\"2.5\""
                + (s.dashed() ? " stroke-dasharray=\"6 4\"" : "") + " points=\"" + String.join(" ", points) + "\"/>\n";
    }

    private static String text(double x, double y, String anchor, int size, String weight, String cls, String value) {
        return String.format(Locale.ROOT, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" font-weight=\"%s\" "
                + "text-anchor=\"%s\">%s</text>%n", cls, x, y, size, weight, anchor, escape(value == null ? "" : value));
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

    private static String number(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9) {
            return String.format(Locale.US, "%,d", (long) Math.rint(v));
        }
        return String.format(Locale.US, "%,.2f", v);
    }

    /** XML text and attribute escaping. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        b.append(' ');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
