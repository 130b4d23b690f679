package vn.doanvien.figures;

import java.time.LocalDate;

/** One day's member flows of a unit, and the net change of its grassroots unions. */
public record DayFigure(LocalDate day, long joined, long left, long transfersIn, long transfersOut, long unionNet) {

    public long memberNet() {
        return joined + transfersIn - left - transfersOut;
    }
}
