package vn.doanvien.figures;

import java.time.LocalDate;
import java.util.List;

/**
 * One stay of a member in one grassroots union, [start, end), as the figures see it: it starts with a join
 * or a transfer in and ends (if it has ended) with a departure or a transfer out. {@code gender} (an enum name,
 * null when none is recorded), {@code dateOfBirth} and {@code nationality} are the member's, for the figures by
 * dimension: a correction of any of them is booked as the member's stays with the old values removed and with
 * the new ones added (through {@link MembershipLedger#membershipsChanged}, where the rest cancels out).
 */
public record MembershipSpan(long grassrootsUnionId, LocalDate start, boolean startsByTransfer,
                             LocalDate end, boolean endsByTransfer, String gender, LocalDate dateOfBirth,
                             String nationality) {

    /** An open stay of a member with neither gender, date of birth nor nationality recorded. */
    public static MembershipSpan open(long grassrootsUnionId, LocalDate start, boolean startsByTransfer) {
        return new MembershipSpan(grassrootsUnionId, start, startsByTransfer, null, false, null, null, null);
    }

    public MembershipSpan closedOn(LocalDate on, boolean byTransfer) {
        return new MembershipSpan(grassrootsUnionId, start, startsByTransfer, on, byTransfer, gender, dateOfBirth,
                nationality);
    }

    Flow flow() {
        return flow(start, startKind(), end, endKind());
    }

    FlowKind startKind() {
        return startsByTransfer ? FlowKind.TRANSFERS_IN : FlowKind.JOINED;
    }

    FlowKind endKind() {
        return endsByTransfer ? FlowKind.TRANSFERS_OUT : FlowKind.LEFT;
    }

    static Flow flow(LocalDate start, FlowKind startKind, LocalDate end, FlowKind endKind) {
        Flow flow = new Flow().add(start, startKind, 1);
        if (end != null) {
            flow.add(end, endKind, 1);
        }
        return flow;
    }

    /** The stay's flows into one value of a dimension each: a piece per value it is counted under. */
    record Piece(String value, Flow flow) {
    }

    /** The pieces of this stay in {@code dimension}, with the workplace of its grassroots union. */
    List<Piece> pieces(Dimension dimension, Workplace workplace) {
        if (!dimension.involves(Dimension.AGE_BAND)) {
            return List.of(new Piece(Traits.valueOf(dimension, this, workplace), flow()));
        }
        // Age bands change with time; crossed with a dimension that does not, each band's stretch keeps the
        // other part's one value.
        java.util.function.UnaryOperator<String> value = dimension == Dimension.AGE_BAND ? band -> band
                : dimension.first() == Dimension.AGE_BAND
                ? band -> Dimension.pairValue(band, Traits.valueOf(dimension.second(), this, workplace))
                : band -> Dimension.pairValue(Traits.valueOf(dimension.first(), this, workplace), band);
        return AgeBand.stretches(dateOfBirth, start, end).stream().map(s -> new Piece(value.apply(s.band().label()),
                flow(s.from(), s.from().equals(start) ? startKind() : FlowKind.RECLASSIFIED_IN,
                        s.to(), end != null && s.to() != null && s.to().equals(end) ? endKind()
                                : FlowKind.RECLASSIFIED_OUT))).toList();
    }
}
