package vn.doanvien.common;

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
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The {@link LineChart} as a PNG picture, drawn with Java 2D in the same layout as {@link SvgChart} (960 × 540,
 * the same ticks, thinned x labels, marker and legend). Runs headless; text uses the JVM's logical sans-serif font,
 * which on Debian is DejaVu Sans (fonts-dejavu-core), so Vietnamese diacritics render.
 */
final class PngChart {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 540;
    private static final int LEFT = 100;
    private static final int RIGHT = 40;
    private static final int TOP = 80;
    private static final int BOTTOM = 130;
    private static final int MAX_X_LABELS = 16;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private PngChart() {
    }

    static byte[] draw(LineChart chart) {
        List<String> categories = chart.categories();
        double max = 0;
        double min = 0;
        for (SvgChart.Series s : chart.series()) {
            for (Double v : s.values()) {
                if (v != null) {
                    max = Math.max(max, v);
                    min = Math.min(min, v);
                }
            }
        }
        double[] ticks = SvgChart.ticks(min, max);
        double lo = ticks[0];
        double hi = ticks[ticks.length - 1];
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        int n = Math.max(categories.size(), 1);
        double step = n == 1 ? 0 : (double) plotW / (n - 1);

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
            for (double t : ticks) {
                double y = TOP + plotH - (t - lo) / (hi - lo) * plotH;
                g.setColor(new Color(0xe0e0e0));
                g.setStroke(new BasicStroke(1));
                g.drawLine(LEFT, (int) Math.round(y), LEFT + plotW, (int) Math.round(y));
                g.setColor(new Color(0x333333));
                text(g, number(t), LEFT - 8, y + 4, Anchor.END, 12, false);
            }
            g.setColor(new Color(0x333333));
            g.drawLine(LEFT, TOP, LEFT, TOP + plotH);
            g.drawLine(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH);
            int every = Math.max(1, (int) Math.ceil(categories.size() / (double) MAX_X_LABELS));
            for (int i = 0; i < categories.size(); i++) {
                boolean last = i == categories.size() - 1;
                if (!last && (i % every != 0 || categories.size() - 1 - i < Math.max(2, every / 2 + 1))) {
                    continue;
                }
                double x = LEFT + i * step + (n == 1 ? plotW / 2.0 : 0);
                g.drawLine((int) Math.round(x), TOP + plotH, (int) Math.round(x), TOP + plotH + 5);
                AffineTransform saved = g.getTransform();
                g.rotate(Math.toRadians(-40), x, TOP + plotH + 18);
                text(g, categories.get(i), x, TOP + plotH + 18, Anchor.END, 12, false);
                g.setTransform(saved);
            }
            text(g, chart.xTitle(), LEFT + plotW / 2.0, HEIGHT - 46, Anchor.MIDDLE, 14, true);
            AffineTransform saved = g.getTransform();
            g.rotate(Math.toRadians(-90), 22, TOP + plotH / 2.0);
            text(g, chart.yTitle(), 22, TOP + plotH / 2.0, Anchor.MIDDLE, 14, true);
            g.setTransform(saved);

            if (chart.markerIndex() != null && categories.size() > 1) {
                double x = LEFT + Math.max(0, Math.min(n - 1, chart.markerIndex())) * step;
                g.setColor(new Color(0x8e44ad));
                g.setStroke(new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 4}, 0));
                g.drawLine((int) Math.round(x), TOP, (int) Math.round(x), TOP + plotH);
                text(g, chart.markerLabel(), x - 6, TOP + plotH - 8, Anchor.END, 12, true);
            }
            for (SvgChart.Series s : chart.series()) {
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
                    double x = LEFT + i * step + (n == 1 ? plotW / 2.0 : 0);
                    double y = TOP + plotH - (v - lo) / (hi - lo) * plotH;
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
            for (SvgChart.Series s : chart.series()) {
                g.setColor(Color.decode(s.color()));
                g.setStroke(stroke(3, s.dashed()));
                g.drawLine((int) lx, HEIGHT - 16, (int) lx + 28, HEIGHT - 16);
                g.setColor(new Color(0x222222));
                text(g, s.name(), lx + 34, HEIGHT - 12, Anchor.START, 13, false);
                lx += 60 + s.name().length() * 7.5;
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

    private static String number(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9) {
            return String.format(Locale.US, "%,d", (long) Math.rint(v));
        }
        return String.format(Locale.US, "%,.2f", v);
    }
}
