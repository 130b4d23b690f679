package vn.doanvien.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.doanvien.organisation.UnitTree;

class FlowTest {

    static final long CONF = 1;
    static final long P1 = 2;
    static final long P2 = 3;
    static final long ULU = 4;
    static final LocalDate START = LocalDate.of(2020, 1, 1);
    static final LocalDate MERGER = LocalDate.of(2025, 7, 1);

    // The upper-level union sits under P1 until the merger, under P2 from then on.
    final UnitTree tree = new UnitTree(List.of(
            new UnitTree.Link(P1, CONF, START, null),
            new UnitTree.Link(P2, CONF, START, null),
            new UnitTree.Link(ULU, P1, START, MERGER),
            new UnitTree.Link(ULU, P2, MERGER, null)));
    final List<Timeline.Placement> placements = List.of(new Timeline.Placement(ULU, START, null));

    @Test
    void aJoinIsCountedInEveryAncestorAndCarriedAcrossARegrouping() {
        Deltas d = new Deltas();
        LocalDate joined = LocalDate.of(2024, 3, 10);
        MembershipSpan span = MembershipSpan.open(77, joined, false);
        span.flow().emit(Timeline.ofGrassrootsUnion(placements, tree, joined), 1, d);
        span.flow().emitToUnion(77, 1, d);

        assertEquals(1, row(d, ULU, joined)[FlowKind.JOINED.ordinal()]);
        assertEquals(1, row(d, P1, joined)[FlowKind.JOINED.ordinal()]);
        assertEquals(1, row(d, CONF, joined)[FlowKind.JOINED.ordinal()]);
        assertEquals(1, row(d, P1, MERGER)[FlowKind.TRANSFERS_OUT.ordinal()]);
        assertEquals(1, row(d, P2, MERGER)[FlowKind.TRANSFERS_IN.ordinal()]);
        // The confederation and the upper-level union do not see the regrouping.
        assertTrue(d.units.get(new Deltas.UnitDay(CONF, MERGER)) == null);
        assertTrue(d.units.get(new Deltas.UnitDay(ULU, MERGER)) == null);
        assertArrayEquals(new long[] {1, 0, 0, 0},
                d.unions.get(new Deltas.UnionMonth(77, LocalDate.of(2024, 3, 1))));
    }

    @Test
    void closingAStayBeforeARegroupingUndoesTheCarry() {
        Deltas d = new Deltas();
        LocalDate joined = LocalDate.of(2024, 3, 10);
        LocalDate left = LocalDate.of(2025, 2, 1);
        MembershipSpan open = MembershipSpan.open(77, joined, false);
        MembershipSpan closed = open.closedOn(left, false);
        open.flow().emit(Timeline.ofGrassrootsUnion(placements, tree, joined), -1, d);
        closed.flow().emit(Timeline.ofGrassrootsUnion(placements, tree, joined), 1, d);
        d.compact();

        // Net change: a departure in February 2025 under P1, and no carry at the merger.
        assertEquals(1, row(d, P1, left)[FlowKind.LEFT.ordinal()]);
        assertEquals(1, row(d, CONF, left)[FlowKind.LEFT.ordinal()]);
        assertEquals(-1, row(d, P1, MERGER)[FlowKind.TRANSFERS_OUT.ordinal()]);
        assertEquals(-1, row(d, P2, MERGER)[FlowKind.TRANSFERS_IN.ordinal()]);
        assertEquals(3 + 2, d.units.size());
    }

    @Test
    void unitAncestorsTimelineExcludesTheUnitItself() {
        Timeline t = Timeline.ofUnitAncestors(ULU, tree, START);
        assertEquals(2, t.segments().size());
        assertEquals(List.of(P1, CONF), List.copyOf(t.segments().get(0).units()));
        assertEquals(List.of(P2, CONF), List.copyOf(t.segments().get(1).units()));
        assertEquals(MERGER, t.segments().get(1).from());
    }

    private static long[] row(Deltas d, long unit, LocalDate day) {
        long[] r = d.units.get(new Deltas.UnitDay(unit, day));
        return r == null ? new long[FlowKind.COUNT] : r;
    }
}
