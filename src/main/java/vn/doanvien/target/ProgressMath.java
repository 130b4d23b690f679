package vn.doanvien.target;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The arithmetic of progress, kept free of I/O so that it is tested on its own.
 *
 * <p>Status thresholds: ACHIEVED once the current value reaches the target; OFF_TRACK when the deadline has
 * passed without that; otherwise ON_TRACK when the projection at the deadline reaches the target, AT_RISK
 * when it reaches at least 90% of the gain from baseline to target, OFF_TRACK below that. Without enough
 * history for a projection (fewer than two points), AT_RISK.
 */
final class ProgressMath {

    /** An average Gregorian month in days. */
    static final double DAYS_PER_MONTH = 365.2425 / 12;
    static final double AT_RISK_SHARE_OF_GAIN = 0.9;

    private ProgressMath() {
    }

    static Double percent(double part, double whole) {
        if (whole == 0) {
            return null;
        }
        return round(part * 100 / whole, 2);
    }

    static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    static double monthsBetween(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) / DAYS_PER_MONTH;
    }

    /**
     * Ordinary least squares of value against day over the points, evaluated at {@code at}; null with fewer
     * than two distinct days.
     */
    static Double projectLinear(List<LocalDate> days, List<Double> values, LocalDate at) {
        int n = days.size();
        if (n < 2) {
            return null;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += days.get(i).toEpochDay();
            my += values.get(i);
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double dx = days.get(i).toEpochDay() - mx;
            sxx += dx * dx;
            sxy += dx * (values.get(i) - my);
        }
        if (sxx == 0) {
            return null;
        }
        double slope = sxy / sxx;
        return round(my + slope * (at.toEpochDay() - mx), 2);
    }

    static TargetStatus status(double baseline, double current, double target, Double projected,
                               boolean deadlinePassed) {
        if (current >= target) {
            return TargetStatus.ACHIEVED;
        }
        if (deadlinePassed) {
            return TargetStatus.OFF_TRACK;
        }
        if (projected == null) {
            return TargetStatus.AT_RISK;
        }
        if (projected >= target) {
            return TargetStatus.ON_TRACK;
        }
        if (projected >= baseline + AT_RISK_SHARE_OF_GAIN * (target - baseline)) {
            return TargetStatus.AT_RISK;
        }
        return TargetStatus.OFF_TRACK;
    }

    /** The straight line from (baselineDate, baselineValue) to (deadline, target), on {@code day}. */
    static double required(LocalDate baselineDate, double baselineValue, LocalDate deadline, double target,
                           LocalDate day) {
        double total = ChronoUnit.DAYS.between(baselineDate, deadline);
        double elapsed = ChronoUnit.DAYS.between(baselineDate, day);
        return round(baselineValue + (target - baselineValue) * elapsed / total, 2);
    }
}
