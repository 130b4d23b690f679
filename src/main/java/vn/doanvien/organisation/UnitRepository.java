package vn.doanvien.organisation;

import jakarta.persistence.LockModeType;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.PagedQuery;
import vn.doanvien.common.TextNormalizer;
import vn.doanvien.security.Reach;
import vn.doanvien.security.Scoped;
import vn.doanvien.security.Unscoped;

/**
 * Queries on units and the dated tree they form. A unit is placed at itself: an officer reaches the units of
 * their subtree (today's tree), admins and analysts every unit.
 */
@ApplicationScoped
@Scoped
public class UnitRepository implements PanacheRepository<Unit> {

    @Inject
    UnitTrees trees;

    /** The unit, or 404; 403 when it lies outside the caller's reach. */
    public Unit get(long id, Reach reach) {
        Unit unit = findById(id);
        if (unit == null) {
            throw ApiProblem.notFound("Unit", id);
        }
        reach.requireRegistry(unit.id, "unit " + id);
        return unit;
    }

    /** The unit for a change, or 404; 403 unless the caller may write in it. */
    public Unit getForWrite(long id, Reach reach) {
        Unit unit = get(id, reach);
        reach.requireWrite(unit.id, "unit " + id);
        return unit;
    }

    /** The unit, its row locked for the transaction (one chair at a time), or 404; 403 unless writable. */
    public Unit lockForWrite(long id, Reach reach) {
        Unit unit = getForWrite(id, reach);
        getEntityManager().lock(unit, LockModeType.PESSIMISTIC_WRITE);
        return unit;
    }

    /** Locks a unit already read in reach for the transaction (a change below it, its dissolution). */
    @Unscoped("a unit already read in reach")
    void lock(Unit unit) {
        getEntityManager().lock(unit, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Moves a unit's version on although no column changed (its parent did), so its ETag changes. */
    @Unscoped("a unit already read for a write in reach")
    void incrementVersion(Unit unit) {
        getEntityManager().lock(unit, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
    }

    /**
     * A unit that something is being placed under (a new child, an enterprise, a target), or empty when there is
     * no such unit; 403 unless the caller may write in it.
     */
    public Optional<Unit> findForPlacement(long id, Reach reach) {
        Unit unit = findById(id);
        if (unit != null) {
            reach.requireWrite(unit.id, "unit " + id);
        }
        return Optional.ofNullable(unit);
    }

    /** A unit that a read names (a statistic's scope, a list's filter), or empty; 403 outside the reach. */
    public Optional<Unit> findInReach(long id, Reach reach) {
        Unit unit = findById(id);
        if (unit != null) {
            reach.requireRegistry(unit.id, "unit " + id);
        }
        return Optional.ofNullable(unit);
    }

    /** Guards the recursive queries against a corrupt (cyclic) tree; the real tree is 3 levels deep. */
    private static final int MAX_DEPTH = 32;

    /**
     * The ids of a unit and every unit below it in the tree as it stood on {@code asOf} (links valid on that date),
     * the root first; none when no unit has that id. Read from the tree kept in memory ({@link UnitTrees}).
     */
    @Unscoped("ids only, to compute a reach or to expand a unit already read in reach")
    public List<Long> subtreeIds(long rootId, LocalDate asOf) {
        return trees.subtreeIds(rootId, asOf);
    }

    /** One descendant of a subtree: the unit id, its parent on the date and its depth below the root. */
    record TreeNode(long id, long parentId, int depth) {
    }

    private static final String SUBTREE_CTE = """
            with recursive tree (id, parent_id, depth) as (
                select u.id, cast(null as bigint), 0 from unit u where u.id = :root
              union all
                select l.unit_id, l.parent_id, t.depth + 1 from unit_link l
                join tree t on l.parent_id = t.id
                join unit c on c.id = l.unit_id
                where l.valid_from <= :d and (l.valid_to is null or l.valid_to > :d)
                  and c.valid_from <= :d and (c.valid_to is null or c.valid_to > :d)
                  and t.depth < %d
            )
            """.formatted(MAX_DEPTH);

    /**
     * A page of the descendants of {@code rootId} on {@code asOf} (root excluded), by depth, name, id; only
     * those in the reach (an officer reading a past date does not see units that have left their subtree).
     */
    public List<TreeNode> subtreePage(long rootId, LocalDate asOf, UnitKind kind, Reach reach, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String inReach = Reach.sqlCondition(reach.registryUnits(), "t.id", "reach", params);
        var query = getEntityManager().createNativeQuery(SUBTREE_CTE + """
                select t.id, t.parent_id, t.depth from tree t join unit u on u.id = t.id
                where t.depth > 0 and (cast(:kind as varchar(32)) is null or u.kind = :kind) and %s
                order by t.depth, u.name, u.id
                """.formatted(inReach))
                .setParameter("root", rootId)
                .setParameter("d", asOf)
                .setParameter("kind", kind == null ? null : kind.name())
                .setFirstResult(Math.multiplyExact(page, size))
                .setMaxResults(size);
        params.forEach(query::setParameter);
        List<TreeNode> nodes = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            nodes.add(new TreeNode(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                    ((Number) r[2]).intValue()));
        }
        return nodes;
    }

    /** How many descendants {@link #subtreePage} pages through. */
    public long countSubtree(long rootId, LocalDate asOf, UnitKind kind, Reach reach) {
        Map<String, Object> params = new HashMap<>();
        String inReach = Reach.sqlCondition(reach.registryUnits(), "t.id", "reach", params);
        var query = getEntityManager().createNativeQuery(SUBTREE_CTE + """
                select count(*) from tree t join unit u on u.id = t.id
                where t.depth > 0 and (cast(:kind as varchar(32)) is null or u.kind = :kind) and %s
                """.formatted(inReach))
                .setParameter("root", rootId)
                .setParameter("d", asOf)
                .setParameter("kind", kind == null ? null : kind.name());
        params.forEach(query::setParameter);
        Object n = query.getSingleResult();
        return ((Number) n).longValue();
    }

    @Unscoped("codes are unique in the whole country; the caller reads the unit with get(id, reach) after")
    public Optional<Unit> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /**
     * The name of each province's federation by province code, today's federations over dissolved ones: labels of
     * statistics by province (names of units are public).
     */
    @Unscoped("names of the provincial federations, public, for labels")
    public Map<String, String> provincialFederationNames() {
        Map<String, String> names = new HashMap<>();
        for (Object[] u : getEntityManager().createQuery("select u.provinceCode, u.name from Unit u where u.kind = ?1 "
                + "and u.provinceCode is not null order by u.validTo desc nulls first, u.id desc", Object[].class)
                .setParameter(1, UnitKind.PROVINCIAL_FEDERATION).getResultList()) {
            names.putIfAbsent((String) u[0], (String) u[1]);
        }
        return names;
    }

    /** A unit by its code in any case (units are few: a scan costs nothing). */
    @Unscoped("codes are unique in the whole country; the caller reads the unit with get(id, reach) after")
    public Optional<Unit> findByCodeIgnoringCase(String code) {
        return find("lower(code) = ?1", code.toLowerCase(java.util.Locale.ROOT)).firstResultOptional();
    }

    /** A Confederation that is still active on or after {@code date} (the earliest, if several). */
    @Unscoped("one Confederation at a time is a national rule")
    public Optional<Unit> confederationActiveOnOrAfter(LocalDate date) {
        return find("kind = ?1 and (validTo is null or validTo > ?2)", Sort.by("validFrom").and("id"),
                UnitKind.CONFEDERATION, date).firstResultOptional();
    }

    /** Units by id, for resolving parent names of a page in one query. */
    @Unscoped("the parents and scopes of rows already read in reach, for their names")
    public Map<Long, Unit> byIds(Collection<Long> ids) {
        Map<Long, Unit> units = new HashMap<>();
        if (!ids.isEmpty()) {
            // Loaded by id (units the session already holds are not read again), not by an "id in" query: Hibernate
            // translates a query with a list parameter anew on every call, which was a third of the CPU time of a
            // target's progress (84 units of a national breakdown; bench/progress/RESULTS.md).
            for (Unit u : getSession().findMultiple(Unit.class, List.copyOf(new LinkedHashSet<>(ids)))) {
                if (u != null) {
                    units.put(u.id, u);
                }
            }
        }
        return units;
    }

    /**
     * The codes and names of units by id, as stored: one statement over an array of ids, no entity loaded (a
     * breakdown's 83 units loaded as entities were 23 % of the samples of a national statistic by child unit;
     * bench/stats/RESULTS.md). For the labels of read answers; a unit renamed earlier in the same transaction
     * must be flushed first.
     */
    @Unscoped("the children and scopes of figures already in reach, for their labels")
    public Map<Long, UnitLabel> labels(Collection<Long> ids) {
        Map<Long, UnitLabel> labels = new HashMap<>();
        if (ids.isEmpty()) {
            return labels;
        }
        Object[] array = new LinkedHashSet<>(ids).toArray();
        getSession().doWork(c -> {
            try (var ps = c.prepareStatement("select id, code, name from unit where id = any(?)")) {
                ps.setArray(1, c.createArrayOf("bigint", array));
                try (var r = ps.executeQuery()) {
                    while (r.next()) {
                        labels.put(r.getLong(1), new UnitLabel(r.getLong(1), r.getString(2), r.getString(3)));
                    }
                }
            }
        });
        return labels;
    }

    /** Filters of the unit list; null fields are not applied. */
    record Filter(UnitKind kind, UnitCategory category, Long parentId, String provinceCode, String q,
                  LocalDate asOf) {
        Filter withParent(Long parent) {
            return new Filter(kind, category, parent, provinceCode, q, asOf);
        }
    }

    /** Units valid on {@code filter.asOf} in the reach matching the filters present, sorted for paging. */
    public PagedQuery<Unit> search(Filter filter, Reach reach, Sort sort) {
        StringBuilder where = new StringBuilder("validFrom <= :asOf and (validTo is null or validTo > :asOf)");
        Map<String, Object> params = new HashMap<>();
        params.put("asOf", filter.asOf());
        where.append(" and ").append(Reach.condition(reach.registryUnits(), "id", "reach", params));
        if (filter.kind() != null) {
            where.append(" and kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.category() != null) {
            where.append(" and category = :category");
            params.put("category", filter.category());
        }
        if (filter.provinceCode() != null) {
            where.append(" and provinceCode = :province");
            params.put("province", filter.provinceCode());
        }
        if (filter.q() != null) {
            where.append(" and searchText like :q escape '\\'");
            params.put("q", TextNormalizer.containsPattern(filter.q()));
        }
        if (filter.parentId() != null) {
            where.append(" and id in (select l.unitId from UnitLink l where l.parentId = :parent"
                    + " and l.validFrom <= :asOf and (l.validTo is null or l.validTo > :asOf))");
            params.put("parent", filter.parentId());
        }
        return PagedQuery.of(this, "from Unit where " + where, sort, params);
    }
}
