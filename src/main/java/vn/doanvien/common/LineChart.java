package vn.doanvien.common;

import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * A line chart, drawn as SVG ({@link SvgChart}: sharp at any size, for files and browsers) or as PNG
 * ({@link PngChart}: Swagger UI shows an SVG answer as text, a PNG one as a picture), both laid out by
 * {@link ChartLayout}. Categories on the x axis, values on the y axis, one line per series, an optional vertical
 * marker (e.g. a deadline) and a legend.
 *
 * @param markerIndex position of the vertical marker on the category axis (may be fractional), or null
 */
public record LineChart(String title, String subtitle, String xTitle, String yTitle, List<String> categories,
                        List<Series> series, Double markerIndex, String markerLabel) {

    public static final String IMAGE_PNG = "image/png";

    /** One line: its name in the legend, colour, values per category (null for none) and whether dashed. */
    public record Series(String name, String color, List<Double> values, boolean dashed) {
    }

    public String svg() {
        return SvgChart.draw(this);
    }

    public byte[] png() {
        return PngChart.draw(this);
    }

    /** The SVG drawing as an answer shown in place, named {@code <name>.svg} when saved. */
    public Response svgResponse(String name) {
        return inline(svg(), name + ".svg");
    }

    /** The PNG drawing as an answer shown in place, named {@code <name>.png} when saved. */
    public Response pngResponse(String name) {
        return inline(png(), name + ".png");
    }

    private static Response inline(Object entity, String fileName) {
        return Response.ok(entity).header("Content-Disposition", "inline; filename=\"" + fileName + "\"").build();
    }
}
