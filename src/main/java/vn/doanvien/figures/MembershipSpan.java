package vn.doanvien.figures;

import java.time.LocalDate;

/**
 * One stay of a member in one grassroots union, [start, end), as the figures see it: it starts with a join
 * or a transfer in and ends (if it has ended) with a departure or a transfer out. {@code gender} is the member's
 * recorded gender (an enum name, null when none is recorded), for the union's figures by gender: a change of a
 * member's gender is booked as the member's stays with the old gender removed and with the new one added.
 */
public record MembershipSpan(long grassrootsUnionId, LocalDate start, boolean startsByTransfer,
                             LocalDate end, boolean endsByTransfer, String gender) {

    /** An open stay of a member with no gender recorded. */
    public static MembershipSpan open(long grassrootsUnionId, LocalDate start, boolean startsByTransfer) {
        return new MembershipSpan(grassrootsUnionId, start, startsByTransfer, null, false, null);
    }

    public MembershipSpan closedOn(LocalDate on, boolean byTransfer) {
        return new MembershipSpan(grassrootsUnionId, start, startsByTransfer, on, byTransfer, gender);
    }

    Flow flow() {
        Flow flow = new Flow().add(start, startsByTransfer ? FlowKind.TRANSFERS_IN : FlowKind.JOINED, 1);
        if (end != null) {
            flow.add(end, endsByTransfer ? FlowKind.TRANSFERS_OUT : FlowKind.LEFT, 1);
        }
        return flow;
    }
}
