package vn.doanvien.figures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import vn.doanvien.common.SqlValues;

/**
 * The dated tree of units, read from {@code unit_link} once and kept in memory until it changes: every statistic,
 * every target's progress and every write the ledger books walks it, and reading and building it anew each time
 * (over a thousand links, their dates converted one by one) cost every one of them. Whether it changed is one row
 * away: {@code unit_tree_version}, a new number after every statement that changes {@code unit_link} (a trigger,
 * migration V20), so an instance learns of a change made by another, or by SQL by hand, at its next read.
 * <p>
 * A transaction that changed the links (flushed first) sees its own new version, which differs from the kept one:
 * it reads the tree with its change. The tree it keeps then is under a number no other transaction sees before the
 * commit and none ever sees after a rollback (a sequence never gives a number twice). The version and the links are
 * read in one statement, so the tree kept is exactly the one of its version.
 */
@ApplicationScoped
class UnitTrees {

    private static final String VERSION = "select version from unit_tree_version where id = 1";
    private static final String VERSION_AND_LINKS = "select v.version, l.unit_id, l.parent_id, l.valid_from, "
            + "l.valid_to from unit_tree_version v left join unit_link l on true where v.id = 1";

    private final EntityManager em;
    private volatile Kept kept;

    private record Kept(long version, UnitTree tree) {
    }

    UnitTrees(EntityManager em) {
        this.em = em;
    }

    /** The tree as the current transaction sees it (its pending changes flushed first). */
    UnitTree current() {
        em.flush();
        Kept k = kept;
        // Without a result class: given one (Long.class), Hibernate 7.3 made the query a new plan at every call
        // and kept it, 2,047 of them after as many calls, each look-up comparing against them (found with JFR)
        if (k != null && k.version() == ((Number) em.createNativeQuery(VERSION).getSingleResult()).longValue()) {
            return k.tree();
        }
        Kept read = read();
        kept = read;
        return read.tree();
    }

    private Kept read() {
        List<Object[]> rows = em.createNativeQuery(VERSION_AND_LINKS, Object[].class).getResultList();
        long version = ((Number) rows.get(0)[0]).longValue();
        List<UnitTree.Link> links = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            if (r[1] != null) {
                links.add(new UnitTree.Link(((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                        SqlValues.date(r[3]), SqlValues.date(r[4])));
            }
        }
        return new Kept(version, new UnitTree(links));
    }
}
