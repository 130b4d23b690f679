package vn.doanvien.common;

import java.util.List;

/**
 * A line chart, drawn as SVG ({@link SvgChart}: sharp at any size, for files and browsers) or as PNG
 * ({@link PngChart}: Swagger UI shows an SVG answer as text, a PNG one as a picture). Categories on the x axis,
 * values on the y axis, one line per series, an optional vertical marker (e.g. a deadline) and a legend.
 *
 * @param markerIndex position of the vertical marker on the category axis (may be fractional), or null
 */
public record LineChart(String title, String subtitle, String xTitle, String yTitle, List<String> categories,
                        List<SvgChart.Series> series, Double markerIndex, String markerLabel) {

    public static final String IMAGE_PNG = "image/png";

    public String svg() {
        return SvgChart.lineChart(title, subtitle, xTitle, yTitle, categories, series, markerIndex, markerLabel);
    }

    public byte[] png() {
        return PngChart.draw(this);
    }
}
