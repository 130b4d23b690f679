package vn.doanvien.organisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.UserTransaction;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * {@link UnitRepository#subtreeIds} is what an officer reaches (the scope guard, at every officer's request); it
 * is read from the tree kept in memory. It must answer exactly what the recursive query over {@code unit_link} it
 * replaced answered: here both are asked about random dated forests (units moved from parent to parent, gaps with
 * no parent, a link ending on the day the next starts), every unit as a root, on the days links start or end and the
 * days around them. Each forest is written in a transaction that is rolled back, so no other test sees it.
 */
@QuarkusTest
class SubtreeIdsTest {

    /** Far above the ids the sequences give in the suite. */
    private static final long FIRST_ID = 910_000_000L;
    private static final LocalDate START = LocalDate.of(2018, 1, 1);

    private static final String RECURSIVE_QUERY = """
            with recursive tree (id) as (
                select u.id from unit u where u.id = :root
              union all
                select l.unit_id from unit_link l
                join tree t on l.parent_id = t.id
                where l.valid_from <= :d and (l.valid_to is null or l.valid_to > :d)
            )
            select id from tree
            """;

    @Inject
    EntityManager em;

    @Inject
    UnitRepository units;

    @Inject
    UserTransaction transaction;

    @RepeatedTest(6)
    void theKeptTreeAnswersWhatTheRecursiveQueryAnswered(RepetitionInfo repetition) throws Exception {
        Random random = new Random(20261207L + repetition.getCurrentRepetition());
        long first = FIRST_ID + repetition.getCurrentRepetition() * 1_000L;
        inRolledBackTransaction(() -> compareOnARandomForest(random, first));
    }

    private void compareOnARandomForest(Random random, long first) {
        int n = 25 + random.nextInt(25);
        TreeSet<LocalDate> days = writeForest(random, first, n);
        int deeper = 0;
        for (long root = first; root < first + n; root++) {
            for (LocalDate d : daysToAsk(random, days)) {
                List<Long> kept = units.subtreeIds(root, d);
                List<Long> recursive = recursive(root, d);
                assertEquals(new TreeSet<>(recursive), new TreeSet<>(kept), "unit " + root + " on " + d);
                assertEquals(recursive.size(), kept.size(), "no unit twice: unit " + root + " on " + d);
                assertEquals(root, kept.get(0), "the root first");
                deeper += kept.size() > 1 ? 1 : 0;
            }
        }
        // not a forest of lone units: many of the subtrees compared held units below their root
        assertTrue(deeper >= n, "too few subtrees with units below their root: " + deeper);
    }

    @Test
    void aUnitWithoutLinksIsItsOwnSubtreeAndAnIdNoUnitHasHasNone() throws Exception {
        long lone = FIRST_ID - 1;
        long missing = FIRST_ID - 2;
        inRolledBackTransaction(() -> {
            insertUnit(lone);
            LocalDate today = LocalDate.now();
            assertEquals(List.of(lone), units.subtreeIds(lone, today));
            assertEquals(recursive(lone, today), units.subtreeIds(lone, today));
            assertEquals(List.of(), units.subtreeIds(missing, today));
            assertEquals(recursive(missing, today), units.subtreeIds(missing, today));
        });
    }

    private void inRolledBackTransaction(Runnable work) throws Exception {
        transaction.begin();
        try {
            work.run();
        } finally {
            transaction.rollback();
        }
    }

    /**
     * Units {@code first .. first + n - 1}; a unit's parents always have smaller ids, so no day has a cycle (the
     * recursive query would not end on one). Each unit has up to four consecutive stays under a parent, some
     * followed by a gap, the last one sometimes open. Returns every day a link starts or ends.
     */
    private TreeSet<LocalDate> writeForest(Random random, long first, int n) {
        TreeSet<LocalDate> days = new TreeSet<>();
        long linkId = first;
        for (long u = first; u < first + n; u++) {
            insertUnit(u);
        }
        for (int i = 1; i < n; i++) {
            if (random.nextInt(6) == 0) {
                continue; // a root of its own
            }
            LocalDate from = START.plusDays(random.nextInt(400));
            int stays = 1 + random.nextInt(4);
            for (int s = 0; s < stays; s++) {
                boolean last = s == stays - 1;
                LocalDate to = last && random.nextBoolean() ? null : from.plusDays(1 + random.nextInt(500));
                long parent = first + random.nextInt(i);
                insertLink(linkId++, first + i, parent, from, to);
                days.add(from);
                if (to == null) {
                    break;
                }
                days.add(to);
                from = random.nextInt(3) == 0 ? to.plusDays(1 + random.nextInt(60)) : to;
            }
        }
        return days;
    }

    /** A few of the days links start or end, the days before and after them, and one day before them all. */
    private static List<LocalDate> daysToAsk(Random random, TreeSet<LocalDate> days) {
        List<LocalDate> all = new ArrayList<>(days);
        Set<LocalDate> asked = new HashSet<>();
        asked.add(START.minusDays(1));
        for (int k = 0; k < 12; k++) {
            LocalDate d = all.get(random.nextInt(all.size()));
            asked.add(d.plusDays(random.nextInt(3) - 1));
        }
        return new ArrayList<>(new TreeSet<>(asked));
    }

    private List<Long> recursive(long root, LocalDate d) {
        List<?> rows = em.createNativeQuery(RECURSIVE_QUERY).setParameter("root", root).setParameter("d", d)
                .getResultList();
        return rows.stream().map(r -> ((Number) r).longValue()).toList();
    }

    private void insertUnit(long id) {
        OffsetDateTime now = OffsetDateTime.now();
        em.createNativeQuery("""
                insert into unit (id, kind, code, name, search_text, valid_from, version, created_at, updated_at)
                values (:id, 'UPPER_LEVEL_UNION', :code, :name, :name, :from, 0, :now, :now)
                """).setParameter("id", id).setParameter("code", "SUBTREE-" + id).setParameter("name", "cđ " + id)
                .setParameter("from", START.minusYears(1)).setParameter("now", now).executeUpdate();
    }

    private void insertLink(long id, long unit, long parent, LocalDate from, LocalDate to) {
        Query insert = em.createNativeQuery(to == null
                ? "insert into unit_link (id, unit_id, parent_id, valid_from) values (:id, :unit, :parent, :from)"
                : "insert into unit_link (id, unit_id, parent_id, valid_from, valid_to) "
                        + "values (:id, :unit, :parent, :from, :to)");
        if (to != null) {
            insert.setParameter("to", to);
        }
        insert.setParameter("id", id).setParameter("unit", unit).setParameter("parent", parent)
                .setParameter("from", from).executeUpdate();
    }
}
