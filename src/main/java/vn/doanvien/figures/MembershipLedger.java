package vn.doanvien.figures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the membership figures in step with the registry, inside the caller's transaction: every change
 * of a membership, of a grassroots union's life or placement, or of a unit's parent links goes through
 * here, so progress and statistics read a handful of rows instead of counting members.
 * A change is booked as "remove what the old state contributed, add what the new state contributes", so
 * back-dated changes and changes of the dated tree stay exact.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MembershipLedger {

    private final FiguresRepository figures;

    MembershipLedger(FiguresRepository figures) {
        this.figures = figures;
    }

    /** A stay was added ({@code before} null), changed, or removed ({@code after} null). */
    public void membershipChanged(MembershipSpan before, MembershipSpan after) {
        membershipsChanged(before == null ? List.of() : List.of(before), after == null ? List.of() : List.of(after));
    }

    /** Several stays changed at once (bulk writes): one tree read, one ordered write. */
    public void membershipsChanged(List<MembershipSpan> before, List<MembershipSpan> after) {
        if (before.isEmpty() && after.isEmpty()) {
            return;
        }
        UnitTree tree = figures.loadTree();
        // The placements of every grassroots union involved, in one query (a bulk sync touches hundreds).
        java.util.Set<Long> unions = new java.util.HashSet<>();
        before.forEach(s -> unions.add(s.grassrootsUnionId()));
        after.forEach(s -> unions.add(s.grassrootsUnionId()));
        Map<Long, List<Timeline.Placement>> placements = new HashMap<>(figures.placementsOfMany(unions));
        Deltas deltas = new Deltas();
        for (MembershipSpan s : before) {
            emitSpan(s, -1, tree, placements, deltas);
        }
        for (MembershipSpan s : after) {
            emitSpan(s, 1, tree, placements, deltas);
        }
        figures.apply(deltas);
    }

    /** A grassroots union was founded, its dates changed, or it was dissolved; null dates mean "none". */
    public void unionLifeChanged(long grassrootsUnionId, LocalDate foundedBefore, LocalDate dissolvedBefore,
                                 LocalDate foundedAfter, LocalDate dissolvedAfter) {
        UnitTree tree = figures.loadTree();
        List<Timeline.Placement> placements = figures.placementsOf(grassrootsUnionId);
        Deltas deltas = new Deltas();
        emitLife(foundedBefore, dissolvedBefore, -1, tree, placements, deltas);
        emitLife(foundedAfter, dissolvedAfter, 1, tree, placements, deltas);
        figures.apply(deltas);
    }

    /** Runs {@code change}, which re-places a grassroots union in the tree, and moves its figures with it. */
    public void moveGrassrootsUnion(long grassrootsUnionId, Runnable change) {
        UnitTree tree = figures.loadTree();
        List<Timeline.Placement> before = figures.placementsOf(grassrootsUnionId);
        change.run();
        List<Timeline.Placement> after = figures.placementsOf(grassrootsUnionId);
        Flow flow = figures.flowOfGrassrootsUnion(grassrootsUnionId);
        if (flow.isEmpty()) {
            return;
        }
        Deltas deltas = new Deltas();
        flow.emit(Timeline.ofGrassrootsUnion(before, tree, flow.start()), -1, deltas);
        flow.emit(Timeline.ofGrassrootsUnion(after, tree, flow.start()), 1, deltas);
        figures.apply(deltas);
    }

    /** Runs {@code change}, which alters a unit's parent links, and moves the unit's figures to its new ancestors. */
    public void changeUnitLinks(long unitId, Runnable change) {
        UnitTree before = figures.loadTree();
        change.run();
        UnitTree after = figures.loadTree();
        Flow flow = figures.flowOfUnit(unitId);
        if (flow.isEmpty()) {
            return;
        }
        Deltas deltas = new Deltas();
        flow.emit(Timeline.ofUnitAncestors(unitId, before, flow.start()), -1, deltas);
        flow.emit(Timeline.ofUnitAncestors(unitId, after, flow.start()), 1, deltas);
        figures.apply(deltas);
    }

    private void emitSpan(MembershipSpan span, long sign, UnitTree tree,
                          Map<Long, List<Timeline.Placement>> placements, Deltas deltas) {
        List<Timeline.Placement> p = placements.computeIfAbsent(span.grassrootsUnionId(), g -> List.of());
        Flow flow = span.flow();
        flow.emit(Timeline.ofGrassrootsUnion(p, tree, span.start()), sign, deltas);
        flow.emitToUnion(span.grassrootsUnionId(), sign, deltas);
        for (PersonKey key : span.personKeys()) {
            flow.emitToUnionPerson(span.grassrootsUnionId(), key, sign, deltas);
        }
    }

    private static void emitLife(LocalDate founded, LocalDate dissolved, long sign, UnitTree tree,
                                 List<Timeline.Placement> placements, Deltas deltas) {
        if (founded == null) {
            return;
        }
        Flow flow = new Flow().add(founded, FlowKind.UNIONS_FOUNDED, 1).add(dissolved, FlowKind.UNIONS_DISSOLVED, 1);
        flow.emit(Timeline.ofGrassrootsUnion(placements, tree, founded), sign, deltas);
    }
}
