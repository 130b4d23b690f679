package vn.doanvien.figures;

import static vn.doanvien.common.SqlValues.rows;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.doanvien.common.SqlValues;
import vn.doanvien.organisation.UnitTree;
import vn.doanvien.organisation.UnitTrees;

/**
 * What the figures are attributed through and counted from: the dated tree of units, each grassroots union's
 * placements in it, and its stays, founding and dissolution as flows. The ledger reads them to book a change, the
 * recount and the build to count everything again, the answers for the tree.
 */
@ApplicationScoped
class FigureSources {

    private static final String UNIT_COLUMNS = FigureRows.UNIT_COLUMNS;

    private final EntityManager em;
    private final UnitTrees trees;

    FigureSources(EntityManager em, UnitTrees trees) {
        this.em = em;
        this.trees = trees;
    }

    /** The dated tree of units as this transaction sees it ({@link UnitTrees}: kept between changes). */
    UnitTree loadTree() {
        return trees.current();
    }

    List<Timeline.Placement> placementsOf(long grassrootsUnionId) {
        em.flush();
        List<Object[]> rows = em.createNativeQuery("""
                select unit_id, valid_from, valid_to from grassroots_union_link
                where grassroots_union_id = :g order by valid_from
                """, Object[].class).setParameter("g", grassrootsUnionId).getResultList();
        List<Timeline.Placement> placements = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            placements.add(new Timeline.Placement(((Number) r[0]).longValue(), SqlValues.date(r[1]), SqlValues.date(r[2])));
        }
        return placements;
    }

    /** Every stay and the founding and dissolution of one grassroots union, as flows. */
    Flow flowOfGrassrootsUnion(long grassrootsUnionId) {
        return flowsOfMany(List.of(grassrootsUnionId)).getOrDefault(grassrootsUnionId, new Flow());
    }

    /** The same for many grassroots unions in two reads: each union's flows (unions without any are left out). */
    Map<Long, Flow> flowsOfMany(Collection<Long> grassrootsUnionIds) {
        em.flush();
        Map<Long, Flow> flows = new HashMap<>();
        if (grassrootsUnionIds.isEmpty()) {
            return flows;
        }
        for (Object[] r : rows(em.createNativeQuery("""
                select p.grassroots_union_id, p.start_on, p.end_on, p.end_reason,
                       case when exists (select 1 from membership_period q
                                         where q.member_id = p.member_id and q.id <> p.id
                                           and q.end_on = p.start_on and q.end_reason = 'TRANSFER')
                            then 1 else 0 end
                from membership_period p where p.grassroots_union_id in (:ids)
                """, Object[].class).setParameter("ids", grassrootsUnionIds))) {
            Flow flow = flows.computeIfAbsent(((Number) r[0]).longValue(), g -> new Flow());
            boolean transferIn = ((Number) r[4]).intValue() == 1;
            flow.add(SqlValues.date(r[1]), transferIn ? FlowKind.TRANSFERS_IN : FlowKind.JOINED, 1);
            if (r[2] != null) {
                flow.add(SqlValues.date(r[2]), "TRANSFER".equals(r[3]) ? FlowKind.TRANSFERS_OUT : FlowKind.LEFT, 1);
            }
        }
        for (Object[] r : rows(em.createNativeQuery(
                "select id, founded_on, dissolved_on from grassroots_union where id in (:ids)", Object[].class)
                .setParameter("ids", grassrootsUnionIds))) {
            Flow flow = flows.computeIfAbsent(((Number) r[0]).longValue(), g -> new Flow());
            flow.add(SqlValues.date(r[1]), FlowKind.UNIONS_FOUNDED, 1);
            flow.add(SqlValues.date(r[2]), FlowKind.UNIONS_DISSOLVED, 1);
        }
        return flows;
    }

    /** A unit's own figure rows, as the flows it passes up to its ancestors. */
    Flow flowOfUnit(long unitId) {
        em.flush();
        Flow flow = new Flow();
        List<Object[]> rows = em.createNativeQuery("select figure_day, " + UNIT_COLUMNS
                + " from unit_day_figure where unit_id = :u", Object[].class)
                .setParameter("u", unitId).getResultList();
        FlowKind[] kinds = FlowKind.values();
        for (Object[] r : rows) {
            LocalDate day = SqlValues.date(r[0]);
            for (int k = 0; k < FlowKind.COUNT; k++) {
                flow.add(day, kinds[k], ((Number) r[k + 1]).longValue());
            }
        }
        return flow;
    }

    /** Up to {@code limit} grassroots union ids above {@code afterId}, in order. */
    @SuppressWarnings("unchecked")
    List<Long> grassrootsUnionIdsAfter(long afterId, int limit) {
        em.flush();
        return ((List<Number>) em.createNativeQuery("select id from grassroots_union where id > :a order by id")
                .setParameter("a", afterId).setMaxResults(limit).getResultList()).stream().map(Number::longValue)
                .toList();
    }

    boolean allGrassrootsUnionIdsEmpty() {
        return em.createNativeQuery("select 1 from grassroots_union").setMaxResults(1).getResultList().isEmpty();
    }

    List<Long> allGrassrootsUnionIds() {
        return SqlValues.longs(em.createNativeQuery("select id from grassroots_union"));
    }

    Map<Long, List<Timeline.Placement>> placementsOfMany(Collection<Long> grassrootsUnionIds) {
        Map<Long, List<Timeline.Placement>> result = new HashMap<>();
        if (grassrootsUnionIds.isEmpty()) {
            return result;
        }
        for (Object[] r : rows(em.createNativeQuery("""
                select grassroots_union_id, unit_id, valid_from, valid_to from grassroots_union_link
                where grassroots_union_id in (:ids) order by valid_from
                """, Object[].class).setParameter("ids", grassrootsUnionIds))) {
            result.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
                    .add(new Timeline.Placement(((Number) r[1]).longValue(), SqlValues.date(r[2]), SqlValues.date(r[3])));
        }
        return result;
    }

}
