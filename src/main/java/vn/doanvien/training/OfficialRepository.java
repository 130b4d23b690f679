package vn.doanvien.training;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.InIdsFunction;
import vn.doanvien.common.Page;
import vn.doanvien.common.PageRequest;
import vn.doanvien.common.PagedQuery;
import vn.doanvien.common.TextNormalizer;
import vn.doanvien.security.Reach;
import vn.doanvien.security.Scoped;
import vn.doanvien.security.Unscoped;

/** Queries on union officials. */
@ApplicationScoped
@Scoped
public class OfficialRepository implements PanacheRepository<Official> {

    /** The official, or 404; 403 outside the caller's reach. */
    public Official get(long id, Reach reach) {
        return check(findById(id), id, reach, false);
    }

    /** The official for a change, or 404; 403 unless the caller may write where they serve. */
    public Official getForWrite(long id, Reach reach) {
        return check(findById(id), id, reach, true);
    }

    /** An official that a write names (an enrolment), or empty; 403 unless the caller may write where they serve. */
    public Optional<Official> findForWrite(long id, Reach reach) {
        Official o = findById(id);
        return o == null ? Optional.empty() : Optional.of(check(o, id, reach, true));
    }

    private Official check(Official o, long id, Reach reach, boolean write) {
        if (o == null) {
            throw ApiProblem.notFound("Official", id);
        }
        Long place = o.unitId != null ? o.unitId : getEntityManager()
                .createQuery("select g.upperLevelUnitId from GrassrootsUnion g where g.id = :id", Long.class)
                .setParameter("id", o.grassrootsUnionId).getResultStream().findFirst().orElse(null);
        reach.requirePersonal(place, "official " + id);
        if (write) {
            reach.requireWrite(place, "official " + id);
        }
        return o;
    }

    /**
     * JPQL: the grassroots unions placed under one of {@code :units} on {@code :asOf}. {@code :units} is a
     * {@code Long[]} ({@link InIdsFunction}) in every query built from these conditions.
     */
    private static final String PLACED_ON_AS_OF = "select l.grassrootsUnionId from GrassrootsUnionLink l "
            + "where in_ids(:units, l.unitId) and l.validFrom <= :asOf and (l.validTo is null or l.validTo > :asOf)";

    /**
     * JPQL: the grassroots unions dissolved after {@code :from} and by {@code :asOf} that were placed under one of
     * {@code :units} on their last day (dissolving closes the placement, so they are under no unit on asOf).
     */
    private static final String PLACED_ON_LAST_DAY = "select l.grassrootsUnionId from GrassrootsUnionLink l, "
            + "GrassrootsUnion g where g.id = l.grassrootsUnionId and in_ids(:units, l.unitId) "
            + "and g.dissolvedOn > :from and g.dissolvedOn <= :asOf "
            + "and l.validFrom < g.dissolvedOn and (l.validTo is null or l.validTo >= g.dissolvedOn)";

    /**
     * JPQL condition: official {@code o} serves one of the units {@code :units} or a grassroots union placed
     * under one of them on {@code :asOf}.
     */
    static final String SERVES_SUBTREE = "(in_ids(:units, o.unitId) or o.grassrootsUnionId in (" + PLACED_ON_AS_OF
            + "))";

    /**
     * JPQL condition for a period [{@code :from}, {@code :asOf}]: like {@link #SERVES_SUBTREE}, plus the officials of
     * grassroots unions of the subtree dissolved during the period.
     */
    static final String SERVED_SUBTREE_DURING = "(in_ids(:units, o.unitId) or o.grassrootsUnionId in ("
            + PLACED_ON_AS_OF
            + ") or o.grassrootsUnionId in (" + PLACED_ON_LAST_DAY + "))";

    /** JPQL condition: the term of official {@code o} overlaps the days {@code :from}..{@code :to}. */
    static final String TERM_OVERLAPS = "(o.termStart <= :to and (o.termEnd is null or o.termEnd > :from))";

    /**
     * Another CHAIR at the same place whose term overlaps [start, end); {@code end} null means open-ended.
     * {@code unitId} or {@code grassrootsUnionId} names the place, the other one is null.
     */
    @Unscoped("one chair per place at a time: a place already read for a write in reach")
    public Optional<Official> overlappingChair(Long unitId, Long grassrootsUnionId, LocalDate start, LocalDate end,
                                               Long excludeId) {
        StringBuilder q = new StringBuilder("post = :post and (termEnd is null or termEnd > :start)");
        Parameters p = Parameters.with("post", OfficialPost.CHAIR).and("start", start);
        if (unitId != null) {
            q.append(" and unitId = :place");
            p.and("place", unitId);
        } else {
            q.append(" and grassrootsUnionId = :place");
            p.and("place", grassrootsUnionId);
        }
        if (end != null) {
            q.append(" and termStart < :end");
            p.and("end", end);
        }
        if (excludeId != null) {
            q.append(" and id <> :self");
            p.and("self", excludeId);
        }
        return find(q.append(" order by termStart, id").toString(), p).firstResultOptional();
    }

    /**
     * Officials whose term overlaps the days {@code from}..{@code to} and who serve the given units or a grassroots
     * union placed under them on {@code asOf} or, if it was dissolved between {@code from} and {@code asOf}, on its
     * last day ({@link #SERVED_SUBTREE_DURING}).
     */
    @Unscoped("the training report's subtree, of a unit already read in reach")
    public List<Official> servingSubtree(Collection<Long> unitIds, LocalDate asOf, LocalDate from, LocalDate to) {
        return find("from Official o where " + SERVED_SUBTREE_DURING + " and " + TERM_OVERLAPS,
                Parameters.with("units", InIdsFunction.ids(unitIds)).and("asOf", asOf).and("from", from)
                        .and("to", to)).list();
    }

    /** Filters of the official list; null fields do not filter. {@code subtreeUnits} comes with {@code asOf}. */
    public record Filter(String q, Long unitId, List<Long> subtreeUnits, LocalDate asOf, Long grassrootsUnionId,
                         OfficialPost post, Employment employment, LocalDate activeOn, Long memberId) {
    }

    /** Officials in the reach matching the filters present. */
    public Page<Official> search(Filter f, Reach reach, PageRequest page) {
        StringBuilder q = new StringBuilder("from Official o where 1 = 1");
        Parameters p = new Parameters();
        Set<Long> units = reach.personalUnits();
        if (units != null && units.isEmpty()) {
            q.append(" and 1 = 0");
        } else if (units != null) {
            q.append(" and (in_ids(:reach, o.unitId) or o.grassrootsUnionId in (select g.id from GrassrootsUnion g"
                    + " where in_ids(:reach, g.upperLevelUnitId)))");
            p.and("reach", InIdsFunction.ids(units));
        }
        if (f.q() != null && !f.q().isBlank()) {
            q.append(" and o.searchText like :q escape '\\'");
            p.and("q", TextNormalizer.containsPattern(f.q()));
        }
        if (f.subtreeUnits() != null) {
            q.append(" and ").append(SERVES_SUBTREE);
            p.and("units", InIdsFunction.ids(f.subtreeUnits())).and("asOf", f.asOf());
        } else if (f.unitId() != null) {
            q.append(" and o.unitId = :unit");
            p.and("unit", f.unitId());
        }
        if (f.grassrootsUnionId() != null) {
            q.append(" and o.grassrootsUnionId = :gu");
            p.and("gu", f.grassrootsUnionId());
        }
        if (f.post() != null) {
            q.append(" and o.post = :post");
            p.and("post", f.post());
        }
        if (f.employment() != null) {
            q.append(" and o.employment = :employment");
            p.and("employment", f.employment());
        }
        if (f.activeOn() != null) {
            q.append(" and o.termStart <= :activeOn and (o.termEnd is null or o.termEnd > :activeOn)");
            p.and("activeOn", f.activeOn());
        }
        if (f.memberId() != null) {
            q.append(" and o.memberId = :member");
            p.and("member", f.memberId());
        }
        return PagedQuery.of(this, q.toString(), page.sort(), p.map()).page(page);
    }

    @Unscoped("the officials enrolled on a course already read in reach")
    public List<Official> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }
}
