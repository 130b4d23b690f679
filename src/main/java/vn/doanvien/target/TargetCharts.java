package vn.doanvien.target;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.doanvien.common.LineChart;
import vn.doanvien.security.Reach;
import vn.doanvien.target.TargetDtos.SeriesResponse;
import vn.doanvien.target.TargetDtos.TargetResponse;

/**
 * The chart of a target: its monthly series (actual value at each month end) against the straight line the target
 * requires from the baseline value to the target at the deadline, the deadline marked. Drawn as SVG or PNG.
 */
@ApplicationScoped
class TargetCharts {

    private final TargetService targets;
    private final ProgressService progress;

    TargetCharts(TargetService targets, ProgressService progress) {
        this.targets = targets;
        this.progress = progress;
    }

    LineChart chart(long id, YearMonth from, YearMonth to, Reach reach) {
        TargetResponse t = targets.get(id, reach);
        SeriesResponse s = progress.series(id, from, to, reach);
        List<String> labels = new ArrayList<>();
        List<Double> actual = new ArrayList<>();
        List<Double> required = new ArrayList<>();
        Double deadlineAt = null;
        YearMonth deadline = YearMonth.from(t.deadline());
        for (int i = 0; i < s.points().size(); i++) {
            var p = s.points().get(i);
            labels.add(p.month());
            actual.add(p.actual());
            required.add(p.required());
            if (p.month().equals(deadline.toString())) {
                deadlineAt = (double) i;
            }
        }
        String unit = switch (t.metric()) {
            case ACTIVE_MEMBERS -> "Active members";
            case NEW_MEMBERS -> "New members since the baseline";
            case GRASSROOTS_UNIONS -> "Active grassroots unions";
            case ENTERPRISE_COVERAGE -> "Enterprises with a union (%)";
        };
        String subtitle = (t.scopeUnitName() == null ? "" : t.scopeUnitName() + " · ") + "target "
                + grouped(t.targetValue()) + " by " + t.deadline()
                + " · baseline " + t.baselineDate();
        return new LineChart(t.name(), subtitle, "Month", unit, labels,
                List.of(new LineChart.Series("Actual", "#c0392b", actual, false),
                        new LineChart.Series("Required trajectory", "#2e86c1", required, true)),
                deadlineAt, "Deadline " + t.deadline());
    }

    /** 15,000,000; a fractional value (a coverage percent) as it is. */
    private static String grouped(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() <= 0 ? String.format(Locale.ROOT, "%,d", v.toBigInteger()) : v.toPlainString();
    }
}
