package vn.doanvien.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A range of one grain's rows, by the first day of their periods, both ends included. A period of days is read from
 * rows kept per day (D), month (M) and year (Y): the day rows of the partial months at both ends, the month rows of
 * the partial years, the year rows in between.
 */
record GrainRange(String grain, LocalDate from, LocalDate to) {

    /** [from, to] as day rows of partial months, month rows of partial years and year rows of whole years. */
    static List<GrainRange> decompose(LocalDate from, LocalDate to) {
        List<GrainRange> ranges = new ArrayList<>();
        LocalDate firstWholeMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate afterLastWholeMonth = to.plusDays(1).getDayOfMonth() == 1 ? to.plusDays(1)
                : to.withDayOfMonth(1);
        if (!firstWholeMonth.isBefore(afterLastWholeMonth)) {
            ranges.add(new GrainRange("D", from, to));
            return ranges;
        }
        if (from.isBefore(firstWholeMonth)) {
            ranges.add(new GrainRange("D", from, firstWholeMonth.minusDays(1)));
        }
        LocalDate firstWholeYear = firstWholeMonth.getDayOfYear() == 1 ? firstWholeMonth
                : firstWholeMonth.withDayOfYear(1).plusYears(1);
        LocalDate afterLastWholeYear = afterLastWholeMonth.getDayOfYear() == 1 ? afterLastWholeMonth
                : afterLastWholeMonth.withDayOfYear(1);
        if (firstWholeYear.isBefore(afterLastWholeYear)) {
            if (firstWholeMonth.isBefore(firstWholeYear)) {
                ranges.add(new GrainRange("M", firstWholeMonth, firstWholeYear.minusMonths(1)));
            }
            ranges.add(new GrainRange("Y", firstWholeYear, afterLastWholeYear.minusYears(1)));
            if (afterLastWholeYear.isBefore(afterLastWholeMonth)) {
                ranges.add(new GrainRange("M", afterLastWholeYear, afterLastWholeMonth.minusMonths(1)));
            }
        } else {
            ranges.add(new GrainRange("M", firstWholeMonth, afterLastWholeMonth.minusMonths(1)));
        }
        if (afterLastWholeMonth.isBefore(to.plusDays(1))) {
            ranges.add(new GrainRange("D", afterLastWholeMonth, to));
        }
        return ranges;
    }
}
