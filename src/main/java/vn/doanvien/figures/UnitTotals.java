package vn.doanvien.figures;

/** A unit's figures between two dates b < d: stocks on b and d, and the flows in (b, d]. */
public record UnitTotals(long membersAtStart, long membersAtEnd, long joined, long left,
                         long transfersIn, long transfersOut, long unionsAtStart, long unionsAtEnd) {

    public static final UnitTotals ZERO = new UnitTotals(0, 0, 0, 0, 0, 0, 0, 0);
}
