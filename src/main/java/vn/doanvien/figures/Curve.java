package vn.doanvien.figures;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** A unit's registry figures as running totals, answering "stock on day d" and "flows in (a, b]" by binary search. */
final class Curve {

    static final Curve EMPTY = new Curve(List.of());

    private final LocalDate[] days;
    // running totals after each day: members, unions, joined, left, transfers in, transfers out
    private final long[][] totals;

    Curve(List<DayFigure> rows) {
        days = new LocalDate[rows.size()];
        totals = new long[rows.size()][6];
        long[] run = new long[6];
        for (int i = 0; i < rows.size(); i++) {
            DayFigure r = rows.get(i);
            days[i] = r.day();
            run[0] += r.memberNet();
            run[1] += r.unionNet();
            run[2] += r.joined();
            run[3] += r.left();
            run[4] += r.transfersIn();
            run[5] += r.transfersOut();
            totals[i] = run.clone();
        }
    }

    private long[] upTo(LocalDate d) {
        int i = Arrays.binarySearch(days, d);
        int idx = i >= 0 ? i : -i - 2;
        return idx < 0 ? new long[6] : totals[idx];
    }

    long members(LocalDate d) {
        return upTo(d)[0];
    }

    long unions(LocalDate d) {
        return upTo(d)[1];
    }

    /** joined, left, transfers in, transfers out in (from, to]. */
    long[] flows(LocalDate from, LocalDate to) {
        long[] a = upTo(from);
        long[] b = upTo(to);
        return new long[] {b[2] - a[2], b[3] - a[3], b[4] - a[4], b[5] - a[5]};
    }

    boolean isEmpty() {
        return days.length == 0;
    }

    LocalDate firstDay() {
        return days.length == 0 ? null : days[0];
    }
}
