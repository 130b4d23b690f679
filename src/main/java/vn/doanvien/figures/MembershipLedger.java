package vn.doanvien.figures;

import java.util.Collection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.doanvien.organisation.UnitTree;

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

    private final FigureSources sources;
    private final FigureRows rows;
    private final DimensionSources dimensionSources;

    MembershipLedger(FigureSources sources, FigureRows rows, DimensionSources dimensionSources) {
        this.sources = sources;
        this.rows = rows;
        this.dimensionSources = dimensionSources;
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
        UnitTree tree = sources.loadTree();
        // The placements of every grassroots union involved, in one query (a bulk sync touches hundreds).
        java.util.Set<Long> unions = new java.util.HashSet<>();
        before.forEach(s -> unions.add(s.grassrootsUnionId()));
        after.forEach(s -> unions.add(s.grassrootsUnionId()));
        Map<Long, List<Timeline.Placement>> placements = new HashMap<>(sources.placementsOfMany(unions));
        Map<Long, Workplace> workplaces = dimensionSources.workplacesOf(unions);
        Deltas deltas = new Deltas();
        for (MembershipSpan s : before) {
            emitSpan(s, -1, tree, placements, workplaces, deltas);
        }
        for (MembershipSpan s : after) {
            emitSpan(s, 1, tree, placements, workplaces, deltas);
        }
        rows.apply(deltas);
    }

    /**
     * Runs {@code change}, which alters where the members of these grassroots unions work as the figures by
     * dimension see it (an enterprise's province, ownership, industry, investor country or workforce, a union's
     * enterprise, an upper-level unit's province), and moves the unions' stays to their new values.
     */
    public void workplaceChanged(Collection<Long> grassrootsUnionIds, Runnable change) {
        if (grassrootsUnionIds.isEmpty()) {
            change.run();
            return;
        }
        Map<Long, Workplace> before = dimensionSources.workplacesOf(grassrootsUnionIds);
        change.run();
        Map<Long, Workplace> after = dimensionSources.workplacesOf(grassrootsUnionIds);
        List<Long> changed = grassrootsUnionIds.stream()
                .filter(g -> !java.util.Objects.equals(before.get(g), after.get(g))).toList();
        if (changed.isEmpty()) {
            return;
        }
        UnitTree tree = sources.loadTree();
        Map<Long, List<Timeline.Placement>> placements = sources.placementsOfMany(changed);
        Map<Long, List<MembershipSpan>> spans = dimensionSources.spansOf(changed);
        Map<Long, Flow> lives = dimensionSources.livesOf(changed);
        Deltas deltas = new Deltas();
        emitDimensionsOf(changed, tree, placements, before, spans, lives, -1, deltas);
        emitDimensionsOf(changed, tree, placements, after, spans, lives, 1, deltas);
        rows.apply(deltas);
    }

    /** Runs {@code change}, which may alter an enterprise's attributes, and moves its unions' figures by dimension. */
    public void enterpriseChanged(long enterpriseId, Runnable change) {
        workplaceChanged(dimensionSources.unionsOfEnterprise(enterpriseId), change);
    }

    /**
     * Runs {@code change}, which may alter a unit's province, and moves the figures by dimension of the grassroots
     * unions without an enterprise placed under it (their province is the unit's).
     */
    public void unitProvinceChanged(long unitId, Runnable change) {
        workplaceChanged(dimensionSources.unionsPlacedUnder(unitId), change);
    }

    /**
     * The stays of these grassroots unions by dimension, credited through the placements and tree given (the
     * state before or after a change of the tree), with {@code sign}: the figures by dimension of a move.
     */
    static void emitDimensionsOf(Collection<Long> grassrootsUnionIds, UnitTree tree,
                                 Map<Long, List<Timeline.Placement>> placements, Map<Long, Workplace> workplaces,
                                 Map<Long, List<MembershipSpan>> spans, Map<Long, Flow> lives, long sign,
                                 Deltas deltas) {
        emitDimensionsOf(grassrootsUnionIds, tree, placements, workplaces, spans, lives, sign, Dimension.kept(),
                deltas);
    }

    /** The same, in {@code only} these dimensions (the build of dimensions a database does not have yet). */
    static void emitDimensionsOf(Collection<Long> grassrootsUnionIds, UnitTree tree,
                                 Map<Long, List<Timeline.Placement>> placements, Map<Long, Workplace> workplaces,
                                 Map<Long, List<MembershipSpan>> spans, Map<Long, Flow> lives, long sign,
                                 List<Dimension> only, Deltas deltas) {
        for (Long g : grassrootsUnionIds) {
            List<Timeline.Placement> p = placements.getOrDefault(g, List.of());
            for (MembershipSpan s : spans.getOrDefault(g, List.of())) {
                emitDimensions(s, sign, Timeline.ofGrassrootsUnion(p, tree, s.start()), workplaces.get(g), only,
                        deltas);
            }
            Flow life = lives.get(g);
            if (life != null && !life.isEmpty()) {
                emitLifeByWorkplace(life, Timeline.ofGrassrootsUnion(p, tree, life.start()), sign,
                        workplaces.get(g), only, deltas);
            }
        }
    }

    /** A grassroots union was founded, its dates changed, or it was dissolved; null dates mean "none". */
    public void unionLifeChanged(long grassrootsUnionId, LocalDate foundedBefore, LocalDate dissolvedBefore,
                                 LocalDate foundedAfter, LocalDate dissolvedAfter) {
        UnitTree tree = sources.loadTree();
        List<Timeline.Placement> placements = sources.placementsOf(grassrootsUnionId);
        Workplace workplace = dimensionSources.workplacesOf(List.of(grassrootsUnionId)).get(grassrootsUnionId);
        Deltas deltas = new Deltas();
        emitLife(foundedBefore, dissolvedBefore, -1, tree, placements, workplace, deltas);
        emitLife(foundedAfter, dissolvedAfter, 1, tree, placements, workplace, deltas);
        rows.apply(deltas);
    }

    /** Runs {@code change}, which re-places a grassroots union in the tree, and moves its figures with it. */
    public void moveGrassrootsUnion(long grassrootsUnionId, Runnable change) {
        UnitTree tree = sources.loadTree();
        List<Long> union = List.of(grassrootsUnionId);
        List<Timeline.Placement> before = sources.placementsOf(grassrootsUnionId);
        Map<Long, Workplace> workplaceBefore = dimensionSources.workplacesOf(union);
        change.run();
        List<Timeline.Placement> after = sources.placementsOf(grassrootsUnionId);
        Map<Long, Workplace> workplaceAfter = dimensionSources.workplacesOf(union);
        Flow flow = sources.flowOfGrassrootsUnion(grassrootsUnionId);
        if (flow.isEmpty()) {
            return;
        }
        Deltas deltas = new Deltas();
        flow.emit(Timeline.ofGrassrootsUnion(before, tree, flow.start()), -1, deltas);
        flow.emit(Timeline.ofGrassrootsUnion(after, tree, flow.start()), 1, deltas);
        Map<Long, List<MembershipSpan>> spans = dimensionSources.spansOf(union);
        Map<Long, Flow> lives = dimensionSources.livesOf(union);
        emitDimensionsOf(union, tree, Map.of(grassrootsUnionId, before), workplaceBefore, spans, lives, -1, deltas);
        emitDimensionsOf(union, tree, Map.of(grassrootsUnionId, after), workplaceAfter, spans, lives, 1, deltas);
        rows.apply(deltas);
    }

    /** Runs {@code change}, which alters a unit's parent links, and moves the unit's figures to its new ancestors. */
    public void changeUnitLinks(long unitId, Runnable change) {
        UnitTree before = sources.loadTree();
        change.run();
        UnitTree after = sources.loadTree();
        Flow flow = sources.flowOfUnit(unitId);
        if (flow.isEmpty()) {
            return;
        }
        Deltas deltas = new Deltas();
        flow.emit(Timeline.ofUnitAncestors(unitId, before, flow.start()), -1, deltas);
        flow.emit(Timeline.ofUnitAncestors(unitId, after, flow.start()), 1, deltas);
        // The figures by dimension are kept by the top three units of each chain: the stays of every union ever
        // placed below the unit move with it, as they were credited before and as they are after.
        java.util.Set<Long> below = new java.util.HashSet<>(before.everBelow(unitId));
        below.addAll(after.everBelow(unitId));
        below.add(unitId);
        List<Long> unions = dimensionSources.unionsEverPlacedUnder(below);
        if (!unions.isEmpty()) {
            Map<Long, List<Timeline.Placement>> placements = sources.placementsOfMany(unions);
            Map<Long, Workplace> workplaces = dimensionSources.workplacesOf(unions);
            Map<Long, List<MembershipSpan>> spans = dimensionSources.spansOf(unions);
            Map<Long, Flow> lives = dimensionSources.livesOf(unions);
            emitDimensionsOf(unions, before, placements, workplaces, spans, lives, -1, deltas);
            emitDimensionsOf(unions, after, placements, workplaces, spans, lives, 1, deltas);
        }
        rows.apply(deltas);
    }

    private void emitSpan(MembershipSpan span, long sign, UnitTree tree,
                          Map<Long, List<Timeline.Placement>> placements, Map<Long, Workplace> workplaces,
                          Deltas deltas) {
        List<Timeline.Placement> p = placements.computeIfAbsent(span.grassrootsUnionId(), g -> List.of());
        Flow flow = span.flow();
        Timeline timeline = Timeline.ofGrassrootsUnion(p, tree, span.start());
        flow.emit(timeline, sign, deltas);
        flow.emitToUnion(span.grassrootsUnionId(), sign, deltas);
        emitDimensions(span, sign, timeline, workplaces.get(span.grassrootsUnionId()), deltas);
    }

    /** Where flows by dimension go: a column of a unit's row for one value of a dimension, on a day. */
    @FunctionalInterface
    interface DimensionSink {
        void add(long unitId, Dimension dimension, String value, LocalDate day, int column, long n);
    }

    /**
     * The stay's flows by the value of each dimension, along its union's timeline, to the units that keep them: the
     * top two units of the chain (every day) and the third (by month, {@link LevelThree}).
     */
    static void emitDimensions(MembershipSpan span, long sign, Timeline timeline, Workplace workplace,
                               Deltas deltas) {
        emitDimensions(span, sign, timeline, workplace, Dimension.kept(), deltas);
    }

    private static void emitDimensions(MembershipSpan span, long sign, Timeline timeline, Workplace workplace,
                                       List<Dimension> only, Deltas deltas) {
        Timeline topTwo = timeline.topTwo();
        Timeline third = timeline.third();
        for (Dimension dimension : only) {
            toKeepers(dimension, topTwo, third, deltas,
                    (units, sink) -> emitDimension(dimension, span, sign, units, workplace, sink));
        }
    }

    /**
     * Emits one dimension's flows, by {@code emit}, to the units that keep them: along {@code topTwo} into the day
     * rows, and along {@code third} into the level-3 rows when level 3 keeps that dimension ({@link LevelThree}).
     */
    private static void toKeepers(Dimension dimension, Timeline topTwo, Timeline third, Deltas deltas,
                                  java.util.function.BiConsumer<Timeline, DimensionSink> emit) {
        emit.accept(topTwo, deltas::addDimColumn);
        if (!third.isEmpty() && LevelThree.keeps(dimension)) {
            emit.accept(third, deltas::addThirdColumn);
        }
    }

    /**
     * The stay's flows by its value(s) in one dimension, along the timeline; in a workplace dimension also the
     * members of unions whose enterprise's workforce is known (for members per 100 workers).
     */
    static void emitDimension(Dimension dimension, MembershipSpan span, long sign, Timeline timeline,
                              Workplace workplace, DimensionSink out) {
        for (MembershipSpan.Piece piece : span.pieces(dimension, workplace)) {
            String value = piece.value();
            piece.flow().emit(timeline, sign,
                    (unit, day, kind, n) -> out.add(unit, dimension, value, day, kind.dimensionColumn(), n));
            if (dimension.workplace() && workplace != null && workplace.workforce() != null) {
                piece.flow().emit(timeline, sign, (unit, day, kind, n) -> out.add(unit, dimension, value, day,
                        FlowKind.MEMBERS_WITH_WORKFORCE_COLUMN, kind.memberSign() * n));
            }
        }
    }

    private static void emitLife(LocalDate founded, LocalDate dissolved, long sign, UnitTree tree,
                                 List<Timeline.Placement> placements, Workplace workplace, Deltas deltas) {
        if (founded == null) {
            return;
        }
        Flow flow = new Flow().add(founded, FlowKind.UNIONS_FOUNDED, 1).add(dissolved, FlowKind.UNIONS_DISSOLVED, 1);
        Timeline timeline = Timeline.ofGrassrootsUnion(placements, tree, founded);
        flow.emit(timeline, sign, deltas);
        emitLifeByWorkplace(flow, timeline, sign, workplace, deltas);
    }

    /**
     * A grassroots union's founding, dissolution and moves, by the value of each workplace dimension, along its
     * timeline, to the units that keep them (as {@link #emitDimensions}).
     */
    static void emitLifeByWorkplace(Flow life, Timeline timeline, long sign, Workplace workplace, Deltas deltas) {
        emitLifeByWorkplace(life, timeline, sign, workplace, Dimension.kept(), deltas);
    }

    private static void emitLifeByWorkplace(Flow life, Timeline timeline, long sign, Workplace workplace,
                                            List<Dimension> only, Deltas deltas) {
        Timeline topTwo = timeline.topTwo();
        Timeline third = timeline.third();
        for (Dimension dimension : only) {
            if (dimension.workplace()) {
                toKeepers(dimension, topTwo, third, deltas,
                        (units, sink) -> emitLifeIn(dimension, life, units, sign, workplace, sink));
            }
        }
    }

    /**
     * A grassroots union's founding, dissolution and moves in one workplace dimension, along the timeline, with
     * its enterprise's workforce, when known, as the workforce of active unions.
     */
    static void emitLifeIn(Dimension dimension, Flow life, Timeline timeline, long sign, Workplace workplace,
                           DimensionSink out) {
        String value = Traits.workplaceValue(dimension, workplace);
        life.emit(timeline, sign, (unit, day, kind, n) -> out.add(unit, dimension, value, day, kind.dimensionColumn(), n));
        if (workplace != null && workplace.workforce() != null) {
            long workforce = workplace.workforce();
            life.emit(timeline, sign, (unit, day, kind, n) -> out.add(unit, dimension, value, day,
                    FlowKind.WORKFORCE_COLUMN, kind.unionSign() * n * workforce));
        }
    }
}
