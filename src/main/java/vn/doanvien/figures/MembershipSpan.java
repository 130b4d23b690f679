package vn.doanvien.figures;

import java.time.LocalDate;

/**
 * One stay of a member in one grassroots union, [start, end), as the figures see it: it starts with a join
 * or a transfer in and ends (if it has ended) with a departure or a transfer out. {@code gender} (an enum name,
 * null when none is recorded) and {@code dateOfBirth} are the member's, for the union's figures by gender and by
 * year of birth: a correction of either is booked as the member's stays with the old values removed and with
 * the new ones added (through {@link MembershipLedger#membershipsChanged}, where the rest cancels out).
 */
public record MembershipSpan(long grassrootsUnionId, LocalDate start, boolean startsByTransfer,
                             LocalDate end, boolean endsByTransfer, String gender, LocalDate dateOfBirth) {

    /** An open stay of a member with neither gender nor date of birth recorded. */
    public static MembershipSpan open(long grassrootsUnionId, LocalDate start, boolean startsByTransfer) {
        return new MembershipSpan(grassrootsUnionId, start, startsByTransfer, null, false, null, null);
    }

    public MembershipSpan closedOn(LocalDate on, boolean byTransfer) {
        return new MembershipSpan(grassrootsUnionId, start, startsByTransfer, on, byTransfer, gender, dateOfBirth);
    }

    /** The keys of the union's figures by person attributes that this stay counts under. */
    java.util.List<PersonKey> personKeys() {
        return java.util.List.of(PersonKey.gender(gender), PersonKey.birthYear(dateOfBirth));
    }

    Flow flow() {
        Flow flow = new Flow().add(start, startsByTransfer ? FlowKind.TRANSFERS_IN : FlowKind.JOINED, 1);
        if (end != null) {
            flow.add(end, endsByTransfer ? FlowKind.TRANSFERS_OUT : FlowKind.LEFT, 1);
        }
        return flow;
    }
}
