package vn.doanvien.common;

import static vn.doanvien.common.ChartLayout.HEIGHT;
import static vn.doanvien.common.ChartLayout.LEFT;
import static vn.doanvien.common.ChartLayout.PLOT_HEIGHT;
import static vn.doanvien.common.ChartLayout.PLOT_WIDTH;
import static vn.doanvien.common.ChartLayout.TOP;
import static vn.doanvien.common.ChartLayout.WIDTH;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The {@link LineChart} as a PNG picture, drawn with Java 2D where {@link ChartLayout} puts everything (the same
 * places as {@link SvgChart}). Runs headless; text uses the JVM's logical sans-serif font,
 * which on Debian is DejaVu Sans (fonts-dejavu-core), so Vietnamese diacritics render.
 */
final class PngChart {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private PngChart() {
    }

    static byte[] draw(LineChart chart) {
        ChartLayout layout = new ChartLayout(chart);
        List<String> categories = chart.categories();

        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);

            g.setColor(new Color(0x222222));
            text(g, chart.title(), WIDTH / 2.0, 32, Anchor.MIDDLE, 20, true);
            if (chart.subtitle() != null) {
                text(g, chart.subtitle(), WIDTH / 2.0, 56, Anchor.MIDDLE, 13, false);
            }
            for (double t : layout.ticks) {
                int y = (int) Math.round(layout.y(t));
                g.setColor(new Color(0xe0e0e0));
                g.setStroke(new BasicStroke(1));
                g.drawLine(LEFT, y, LEFT + PLOT_WIDTH, y);
                g.setColor(new Color(0x333333));
                text(g, ChartLayout.number(t), LEFT - 8, layout.y(t) + 4, Anchor.END, 12, false);
            }
            g.setColor(new Color(0x333333));
            g.drawLine(LEFT, TOP, LEFT, TOP + PLOT_HEIGHT);
            g.drawLine(LEFT, TOP + PLOT_HEIGHT, LEFT + PLOT_WIDTH, TOP + PLOT_HEIGHT);
            for (int i = 0; i < categories.size(); i++) {
                if (!layout.labelShown(i)) {
                    continue;
                }
                double x = layout.x(i);
                g.drawLine((int) Math.round(x), TOP + PLOT_HEIGHT, (int) Math.round(x), TOP + PLOT_HEIGHT + 5);
                AffineTransform saved = g.getTransform();
                g.rotate(Math.toRadians(-40), x, TOP + PLOT_HEIGHT + 18);
                text(g, categories.get(i), x, TOP + PLOT_HEIGHT + 18, Anchor.END, 12, false);
                g.setTransform(saved);
            }
            text(g, chart.xTitle(), LEFT + PLOT_WIDTH / 2.0, HEIGHT - 46, Anchor.MIDDLE, 14, true);
            AffineTransform saved = g.getTransform();
            g.rotate(Math.toRadians(-90), 22, TOP + PLOT_HEIGHT / 2.0);
            text(g, chart.yTitle(), 22, TOP + PLOT_HEIGHT / 2.0, Anchor.MIDDLE, 14, true);
            g.setTransform(saved);

            Double markerX = layout.markerX(chart.markerIndex());
            if (markerX != null) {
                g.setColor(new Color(0x8e44ad));
                g.setStroke(new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 4}, 0));
                g.drawLine((int) Math.round(markerX), TOP, (int) Math.round(markerX), TOP + PLOT_HEIGHT);
                text(g, chart.markerLabel(), markerX - 6, TOP + PLOT_HEIGHT - 8, Anchor.END, 12, true);
            }
            for (LineChart.Series s : chart.series()) {
                g.setColor(Color.decode(s.color()));
                g.setStroke(stroke(2.5f, s.dashed()));
                Path2D.Double line = new Path2D.Double();
                boolean open = false;
                for (int i = 0; i < s.values().size(); i++) {
                    Double v = s.values().get(i);
                    if (v == null) {
                        open = false;
                        continue;
                    }
                    double x = layout.x(i);
                    double y = layout.y(v);
                    boolean alone = (i == 0 || s.values().get(i - 1) == null)
                            && (i == s.values().size() - 1 || s.values().get(i + 1) == null);
                    if (alone) {
                        g.fillOval((int) Math.round(x - 3), (int) Math.round(y - 3), 6, 6);
                    }
                    if (open) {
                        line.lineTo(x, y);
                    } else {
                        line.moveTo(x, y);
                        open = true;
                    }
                }
                g.draw(line);
            }
            double lx = LEFT;
            for (LineChart.Series s : chart.series()) {
                g.setColor(Color.decode(s.color()));
                g.setStroke(stroke(3, s.dashed()));
                g.drawLine((int) lx, HEIGHT - 16, (int) lx + 28, HEIGHT - 16);
                g.setColor(new Color(0x222222));
                text(g, s.name(), lx + 34, HEIGHT - 12, Anchor.START, 13, false);
                lx += ChartLayout.legendAdvance(s);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private enum Anchor { START, MIDDLE, END }

    private static void text(Graphics2D g, String value, double x, double y, Anchor anchor, int size, boolean bold) {
        if (value == null || value.isEmpty()) {
            return;
        }
        g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size));
        FontMetrics metrics = g.getFontMetrics();
        double width = metrics.stringWidth(value);
        double left = switch (anchor) {
            case START -> x;
            case MIDDLE -> x - width / 2;
            case END -> x - width;
        };
        g.drawString(value, (float) left, (float) y);
    }

    private static BasicStroke stroke(float width, boolean dashed) {
        return dashed
                ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {6, 4}, 0)
                : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }
}
