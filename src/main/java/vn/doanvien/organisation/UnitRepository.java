package vn.doanvien.organisation;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.doanvien.common.TextNormalizer;

/** Queries on units and the dated tree they form. */
@ApplicationScoped
public class UnitRepository implements PanacheRepository<Unit> {

    /** Guards the recursive queries against a corrupt (cyclic) tree; the real tree is 3 levels deep. */
    private static final int MAX_DEPTH = 32;

    /**
     * The ids of a unit and every unit below it in the tree as it stood on {@code asOf}
     * (links and units valid on that date), the root included.
     */
    @SuppressWarnings("unchecked")
    public List<Long> subtreeIds(long rootId, LocalDate asOf) {
        return getEntityManager().createNativeQuery("""
                with recursive tree (id) as (
                    select u.id from unit u where u.id = :root
                  union all
                    select l.unit_id from unit_link l
                    join tree t on l.parent_id = t.id
                    where l.valid_from <= :d and (l.valid_to is null or l.valid_to > :d)
                )
                select id from tree
                """, Long.class)
                .setParameter("root", rootId)
                .setParameter("d", asOf)
                .getResultList();
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

    /** A page of the descendants of {@code rootId} on {@code asOf} (root excluded), by depth, name, id. */
    public List<TreeNode> subtreePage(long rootId, LocalDate asOf, UnitKind kind, int page, int size) {
        @SuppressWarnings("unchecked")
        var query = getEntityManager().createNativeQuery(SUBTREE_CTE + """
                select t.id, t.parent_id, t.depth from tree t join unit u on u.id = t.id
                where t.depth > 0 and (cast(:kind as varchar(32)) is null or u.kind = :kind)
                order by t.depth, u.name, u.id
                """)
                .setParameter("root", rootId)
                .setParameter("d", asOf)
                .setParameter("kind", kind == null ? null : kind.name())
                .setFirstResult(page * size)
                .setMaxResults(size);
        List<TreeNode> nodes = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            nodes.add(new TreeNode(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                    ((Number) r[2]).intValue()));
        }
        return nodes;
    }

    /** How many descendants {@link #subtreePage} pages through. */
    public long countSubtree(long rootId, LocalDate asOf, UnitKind kind) {
        Object n = getEntityManager().createNativeQuery(SUBTREE_CTE + """
                select count(*) from tree t join unit u on u.id = t.id
                where t.depth > 0 and (cast(:kind as varchar(32)) is null or u.kind = :kind)
                """)
                .setParameter("root", rootId)
                .setParameter("d", asOf)
                .setParameter("kind", kind == null ? null : kind.name())
                .getSingleResult();
        return ((Number) n).longValue();
    }

    public Optional<Unit> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** A Confederation that is still active on or after {@code date} (the earliest, if several). */
    public Optional<Unit> confederationActiveOnOrAfter(LocalDate date) {
        return find("kind = ?1 and (validTo is null or validTo > ?2)", Sort.by("validFrom").and("id"),
                UnitKind.CONFEDERATION, date).firstResultOptional();
    }

    /** Units by id, for resolving parent names of a page in one query. */
    public Map<Long, Unit> byIds(Collection<Long> ids) {
        Map<Long, Unit> units = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Unit u : list("id in ?1", ids)) {
                units.put(u.id, u);
            }
        }
        return units;
    }

    /** Filters of the unit list; null fields are not applied. */
    record Filter(UnitKind kind, UnitCategory category, Long parentId, String provinceCode, String q,
                  LocalDate asOf) {
    }

    /** Units valid on {@code filter.asOf} matching the filters present, sorted for paging. */
    public PanacheQuery<Unit> search(Filter filter, Sort sort) {
        StringBuilder where = new StringBuilder("validFrom <= :asOf and (validTo is null or validTo > :asOf)");
        Map<String, Object> params = new HashMap<>();
        params.put("asOf", filter.asOf());
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
        return find(where.toString(), sort, params);
    }
}
