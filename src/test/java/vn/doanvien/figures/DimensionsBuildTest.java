package vn.doanvien.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The build of the rows by dimension from the registry ({@link DimensionsBuild}) gives the rows the ledger kept, for
 * every dimension or only the missing ones, and the monthly deletion of the level-3 day rows no longer kept.
 */
@QuarkusTest
class DimensionsBuildTest extends BackDatedRegistry {

    @Inject
    DimensionsBuild build;

    @Test
    void oldLevelThreeDayRowsAreDeletedOnceAMonth() {
        history();
        // A level-3 day row older than those kept (left by an instance that ran across a month's change) is read by
        // nothing and compared with nothing, and the first start after the first day kept moves deletes it (once:
        // the start records it).
        oldLevelThreeDayRow(u1.id);
        assertEquals(1, dimensionRows(u1.id, "D"));
        assertSameAsRecount();
        build.dropOldLevelThreeDays();
        assertEquals(1, dimensionRows(u1.id, "D"), "this month's start has deleted them already");
        forgetPruned();
        build.dropOldLevelThreeDays();
        assertEquals(0, dimensionRows(u1.id, "D"));
    }

    @Test
    void theBuildGivesTheRowsTheLedgerKept() {
        history();
        assertSameAsRecount();
        // The first build after their migration (DimensionsBuild, unit by unit, each row written once) gives the
        // same rows as the ledger kept, moves of unions and units across the two provinces included.
        corruptDimensionRow(p1.id);
        forgetBuilt();
        assertTrue(build.run(), "read the registry");
        assertSameAsRecount();
        if (database.isPostgres()) {
            // the build writes its pages packed and gives the ledger's updates their room back (V19.1)
            assertEquals("{fillfactor=" + DimensionsBuild.LIVE_FILLFACTOR + "}", dimensionTableOptions());
        }
        assertTrue(dimensionRows(root.id) > 0 && dimensionRows(p1.id) > 0 && dimensionRows(p2.id) > 0);

        // A database built before a dimension existed (V16 recorded the eight of its time as one task): the next
        // build makes the missing ones only (here the pairs), and leaves the others' rows as they are (a drifting
        // GENDER row stays drifting: the build did not touch it).
        List<Dimension> pairs = java.util.Arrays.stream(Dimension.values()).filter(Dimension::isPair).toList();
        assertTrue(pairs.size() >= 3, "pairs " + pairs);
        assertTrue(dimensionRows(root.id, Dimension.OWNERSHIP_INDUSTRY) > 0);
        long genderRows = dimensionRows(root.id, Dimension.GENDER);
        corruptDimensionRow(p1.id);
        builtAsOfV16WithoutPairRows();
        assertEquals(pairs, build.missing());
        assertEquals(0, dimensionRows(root.id, Dimension.OWNERSHIP_INDUSTRY));
        assertTrue(build.run(), "read the registry for the missing dimensions");
        assertEquals(List.of(), build.missing());
        assertFalse(build.run(), "nothing missing, nothing read");
        assertEquals(genderRows, dimensionRows(root.id, Dimension.GENDER));
        String differences = recount.differences(List.of(root.id, p1.id, p2.id, u1.id, u2.id, u3.id), List.of());
        assertTrue(differences.contains("dimension=GENDER,"), differences);
        assertTrue(pairs.stream().noneMatch(pair -> differences.contains("dimension=" + pair.name())), differences);
        rebuild();
        assertSameAsRecount();
    }

    @Transactional
    String dimensionTableOptions() {
        return String.valueOf(em.createNativeQuery("select cast(reloptions as text) from pg_class "
                + "where relname = 'unit_dimension_figure'").getSingleResult());
    }

    @Transactional
    void forgetBuilt() {
        build.markNotBuilt();
    }

    @Transactional
    void builtAsOfV16WithoutPairRows() {
        build.markNotBuilt();
        em.createNativeQuery("insert into startup_task (name, done_at) values ('figures-by-dimension', "
                + "current_timestamp)").executeUpdate();
        em.createNativeQuery("delete from unit_dimension_figure where dimension in (:pairs)")
                .setParameter("pairs", java.util.Arrays.stream(Dimension.values()).filter(Dimension::isPair)
                        .map(Dimension::name).toList()).executeUpdate();
    }

    @Transactional
    void forgetPruned() {
        em.createNativeQuery("delete from startup_task where name like :p").setParameter("p", DimensionsBuild.PRUNED
                + ":%").executeUpdate();
    }

    @Transactional
    void oldLevelThreeDayRow(long unitId) {
        em.createNativeQuery("insert into unit_dimension_figure (unit_id, dimension, grain, period_start, val, "
                + DimensionFiguresRepository.FLOWS + ") values (:u, 'GENDER', 'D', date '2024-05-06', 'MALE', "
                + "1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)").setParameter("u", unitId).executeUpdate();
    }

}
