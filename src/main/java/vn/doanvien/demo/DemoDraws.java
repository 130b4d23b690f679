package vn.doanvien.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

/** The demo data's draws: one fixed-seed {@link Random}, used in a fixed order, so every load is the same. */
final class DemoDraws {

    private final Random rng;

    DemoDraws(Random rng) {
        this.rng = rng;
    }

    int nextInt(int bound) {
        return rng.nextInt(bound);
    }

    double nextDouble() {
        return rng.nextDouble();
    }

    double nextGaussian() {
        return rng.nextGaussian();
    }

    boolean nextBoolean() {
        return rng.nextBoolean();
    }

    String pick(String[] values) {
        return values[rng.nextInt(values.length)];
    }

    String pickFrom(List<String> values) {
        return values.get(rng.nextInt(values.size()));
    }

    String weighted(String[] values, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = rng.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    /** Uniform in [lo, hi]. */
    LocalDate between(LocalDate lo, LocalDate hi) {
        long days = ChronoUnit.DAYS.between(lo, hi);
        return days <= 0 ? lo : lo.plusDays((long) (rng.nextDouble() * (days + 1)));
    }

    /** In [lo, hi], leaning towards hi the smaller {@code exponent} is: recent years are busier. */
    LocalDate skewRecent(LocalDate lo, LocalDate hi, double exponent) {
        long days = ChronoUnit.DAYS.between(lo, hi);
        return days <= 0 ? lo : lo.plusDays((long) (Math.pow(rng.nextDouble(), exponent) * days));
    }

    static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
