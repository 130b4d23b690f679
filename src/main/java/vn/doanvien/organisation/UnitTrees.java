package vn.doanvien.organisation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.doanvien.common.SqlValues;

/**
 * The dated tree of units, read from {@code unit_link} once and kept in memory until it changes: every statistic,
 * every target's progress and every write the ledger books walks it, and so does every request of an officer or an
 * API key (their reach, {@link #subtreeIds}); reading and building it anew each time (over a thousand links, their
 * dates converted one by one) cost every one of them. Whether it changed is one row away: {@code unit_tree_version},
 * a new number after every statement that changes {@code unit_link} (a trigger, migration V20), so an instance learns
 * of a change made by another, or by SQL by hand, at its next read.
 * <p>
 * A transaction that changed the links (flushed first) sees its own new version, which differs from the kept one:
 * it reads the tree with its change. The tree it keeps then is under a number no other transaction sees before the
 * commit and none ever sees after a rollback (a sequence never gives a number twice). The version and the links are
 * read in one statement, so the tree kept is exactly the one of its version.
 */
@ApplicationScoped
public class UnitTrees {

    private static final String VERSION = "select version from unit_tree_version where id = 1";
    /** The version, and whether the unit exists: one statement for an officer's reach at every request. */
    private static final String VERSION_AND_UNIT = "select v.version, (select count(*) from unit u where u.id = :unit) "
            + "from unit_tree_version v where v.id = 1";
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
    public UnitTree current() {
        flushPending();
        // Without a result class: given one (Long.class), Hibernate 7.3 made the query a new plan at every call
        // and kept it, 2,047 of them after as many calls, each look-up comparing against them (found with JFR)
        return treeOf(((Number) em.createNativeQuery(VERSION).getSingleResult()).longValue());
    }

    /**
     * The ids of {@code rootId} and of every unit below it on {@code asOf} (links valid on that date), the root
     * first; none when no unit has that id. What an officer reaches is this subtree of their unit today, asked at
     * every request: one statement of two primary-key reads, where the recursive query over {@code unit_link} it
     * replaces was about 29 % of an officer's read of a member (JFR).
     */
    public List<Long> subtreeIds(long rootId, LocalDate asOf) {
        flushPending();
        Object[] row = (Object[]) em.createNativeQuery(VERSION_AND_UNIT).setParameter("unit", rootId)
                .getSingleResult();
        UnitTree tree = treeOf(((Number) row[0]).longValue());
        if (((Number) row[1]).longValue() == 0) {
            return List.of();
        }
        return List.copyOf(tree.subtreeOn(rootId, asOf));
    }

    /**
     * A transaction's own changes to the links count (a move checks the tree it makes); outside a transaction a
     * session holds nothing to flush, and may not flush.
     */
    private void flushPending() {
        if (em.isJoinedToTransaction()) {
            em.flush();
        }
    }

    private UnitTree treeOf(long version) {
        Kept k = kept;
        if (k != null && k.version() == version) {
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
