package vn.doanvien.figures;

import java.time.LocalDate;

/**
 * The rows by dimension of the level-3 units (the upper-level unions and the units like them, third in their chain):
 * kept per month and per year for every period, per day only for recent days, and for the dimensions that do not
 * change with time ({@link #keeps}). A statistic of such a unit as of a recent day sums its rows like the units above
 * it; one that needs the days of an older month is computed from the stays below the unit. About 1,200 units × 150
 * months × their values is some seven million rows at national scale (6.8 million measured), where their day rows
 * since the beginning would be over a hundred million.
 */
final class LevelThree {

    /** The depth of these units: the unit, its level-2 unit and the root. */
    static final int DEPTH = 3;

    private LevelThree() {
    }

    /**
     * Whether level-3 units keep rows of {@code dimension}: not of the dimensions that change with time (an age band,
     * alone or crossed). Those book every member's future birthdays, one day row each, decades ahead: measured on the
     * 15-million-member registry, about 41,000 rows per level-3 unit against 5,700 for all the others together, so
     * at level 3 they are computed from the stays.
     */
    static boolean keeps(Dimension dimension) {
        return !dimension.involves(Dimension.AGE_BAND);
    }

    /**
     * Writers keep the day rows of level-3 units from the first of the month before last on: one month more than
     * readers use ({@link #dayRowsReadFrom}), so that instances whose clocks straddle a new month agree, and so that
     * a row stops being read before it stops being written.
     */
    static LocalDate dayRowsKeptFrom(LocalDate today) {
        return today.withDayOfMonth(1).minusMonths(2);
    }

    /** Readers use the day rows of level-3 units from the first of the previous month on. */
    static LocalDate dayRowsReadFrom(LocalDate today) {
        return today.withDayOfMonth(1).minusMonths(1);
    }

    /**
     * Whether a unit at {@code depth} in its chain on {@code asOf} (1 for the root) answers {@code dimension} for
     * [from, asOf] from its kept rows: the top two levels always, level 3 for a dimension it keeps when the day rows
     * needed are recent ({@link #rowsAnswer}), lower units never.
     */
    static boolean keptRowsAnswer(int depth, Dimension dimension, LocalDate from, LocalDate asOf, LocalDate today) {
        return depth < DEPTH || depth == DEPTH && keeps(dimension) && rowsAnswer(from, asOf, today);
    }

    /**
     * Whether the stock on {@code asOf} and the flows of [from, asOf] of a level-3 unit can be summed from its rows:
     * every day row they need (the partial months at both ends, {@link GrainRange#decompose}) is recent.
     */
    static boolean rowsAnswer(LocalDate from, LocalDate asOf, LocalDate today) {
        LocalDate readFrom = dayRowsReadFrom(today);
        for (LocalDate start : new LocalDate[] {DimensionFigures.EPOCH, from}) {
            if (start.isAfter(asOf)) {
                continue;
            }
            for (GrainRange r : GrainRange.decompose(start, asOf)) {
                if (r.grain().equals("D") && r.from().isBefore(readFrom)) {
                    return false;
                }
            }
        }
        return true;
    }
}
