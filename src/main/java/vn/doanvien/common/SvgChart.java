package vn.doanvien.common;

import static vn.doanvien.common.ChartLayout.HEIGHT;
import static vn.doanvien.common.ChartLayout.LEFT;
import static vn.doanvien.common.ChartLayout.PLOT_HEIGHT;
import static vn.doanvien.common.ChartLayout.PLOT_WIDTH;
import static vn.doanvien.common.ChartLayout.TOP;
import static vn.doanvien.common.ChartLayout.WIDTH;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link LineChart} as SVG, written as text so that it needs no library: title, subtitle, axis titles, gridlines
 * with tick labels, one polyline per series (gaps where a value is null), the optional vertical marker and a legend,
 * where {@link ChartLayout} puts them. Every text is XML-escaped.
 */
public final class SvgChart {

    public static final String IMAGE_SVG = "image/svg+xml";

    private SvgChart() {
    }

    /** The chart as SVG text, laid out by {@link ChartLayout}. */
    static String draw(LineChart chart) {
        ChartLayout layout = new ChartLayout(chart);
        List<String> categories = chart.categories();

        StringBuilder svg = new StringBuilder(8192);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"Arial, Helvetica, sans-serif\" role=\"img\">\n");
        svg.append("<title>").append(escape(chart.title())).append("</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.append(text(WIDTH / 2.0, 32, "middle", 20, "bold", "chart-title", chart.title()));
        if (chart.subtitle() != null) {
            svg.append(text(WIDTH / 2.0, 56, "middle", 13, "normal", "chart-subtitle", chart.subtitle()));
        }
        // Gridlines and y tick labels.
        svg.append("<g class=\"y-axis\">\n");
        for (double t : layout.ticks) {
            double y = layout.y(t);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e0e0e0\"/>%n",
                    LEFT, y, LEFT + PLOT_WIDTH, y));
            svg.append(text(LEFT - 8, y + 4, "end", 12, "normal", "y-tick", ChartLayout.number(t)));
        }
        svg.append("</g>\n");
        // Axes.
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                LEFT, TOP, LEFT, TOP + PLOT_HEIGHT));
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                LEFT, TOP + PLOT_HEIGHT, LEFT + PLOT_WIDTH, TOP + PLOT_HEIGHT));
        // x tick labels, thinned.
        svg.append("<g class=\"x-axis\">\n");
        for (int i = 0; i < categories.size(); i++) {
            if (!layout.labelShown(i)) {
                continue;
            }
            double x = layout.x(i);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\"/>%n",
                    x, TOP + PLOT_HEIGHT, x, TOP + PLOT_HEIGHT + 5));
            svg.append(String.format(Locale.ROOT, "<text class=\"x-tick\" x=\"%.1f\" y=\"%d\" font-size=\"12\" "
                    + "text-anchor=\"end\" transform=\"rotate(-40 %.1f %d)\">%s</text>%n",
                    x, TOP + PLOT_HEIGHT + 18, x, TOP + PLOT_HEIGHT + 18, escape(categories.get(i))));
        }
        svg.append("</g>\n");
        svg.append(text(LEFT + PLOT_WIDTH / 2.0, HEIGHT - 46, "middle", 14, "bold", "x-title", chart.xTitle()));
        svg.append(String.format(Locale.ROOT, "<text class=\"y-title\" x=\"22\" y=\"%.1f\" font-size=\"14\" "
                + "font-weight=\"bold\" text-anchor=\"middle\" transform=\"rotate(-90 22 %.1f)\">%s</text>%n",
                TOP + PLOT_HEIGHT / 2.0, TOP + PLOT_HEIGHT / 2.0, escape(chart.yTitle())));
        // Marker.
        Double markerX = layout.markerX(chart.markerIndex());
        if (markerX != null) {
            svg.append(String.format(Locale.ROOT, "<line class=\"marker\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                    + "stroke=\"#8e44ad\" stroke-width=\"2\" stroke-dasharray=\"4 4\"/>%n", markerX, TOP, markerX, TOP + PLOT_HEIGHT));
            // at the foot of the line: the series usually run high near a deadline
            svg.append(text(markerX - 6, TOP + PLOT_HEIGHT - 8, "end", 12, "bold", "marker-label", chart.markerLabel()));
        }
        // Series.
        for (LineChart.Series s : chart.series()) {
            svg.append("<g class=\"series\" data-name=\"").append(escape(s.name())).append("\">\n");
            List<String> segment = new ArrayList<>();
            for (int i = 0; i <= s.values().size(); i++) {
                Double v = i < s.values().size() ? s.values().get(i) : null;
                if (v == null) {
                    svg.append(polyline(segment, s));
                    segment.clear();
                    continue;
                }
                segment.add(String.format(Locale.ROOT, "%.1f,%.1f", layout.x(i), layout.y(v)));
            }
            svg.append("</g>\n");
        }
        // Legend.
        svg.append("<g class=\"legend\">\n");
        double lx = LEFT;
        for (LineChart.Series s : chart.series()) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"3\"%s/>%n", lx, HEIGHT - 16, lx + 28, HEIGHT - 16, escape(s.color()),
                    s.dashed() ? " stroke-dasharray=\"6 4\"" : ""));
            svg.append(text(lx + 34, HEIGHT - 12, "start", 13, "normal", "legend-label", s.name()));
            lx += ChartLayout.legendAdvance(s);
        }
        svg.append("</g>\n</svg>\n");
        return svg.toString();
    }

    private static String polyline(List<String> points, LineChart.Series s) {
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
