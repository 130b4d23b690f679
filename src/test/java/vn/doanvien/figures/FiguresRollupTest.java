package vn.doanvien.figures;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.doanvien.ApiSteps.join;
import static vn.doanvien.ApiSteps.leave;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The monthly rollup (unit_month_figure) stays equal to a recount from the registry after back-dated joins,
 * departures, transfers, grassroots-union moves and unit re-parenting, and reads through it (progress,
 * breakdown, series) give the hand-computed values on month ends and mid-month ({@link BackDatedRegistry} has the
 * registry and its history).
 */
@QuarkusTest
class FiguresRollupTest extends BackDatedRegistry {

    @Inject
    UnitTotalsRepository unitTotals;

    @Test
    void rollupEqualsARecountAfterEveryKindOfBackDatedChange() {
        long a = join(g1, "Nguyễn Văn An", "2024-05-20");
        join(g1, "Trần Thị Bình", "2024-02-10");
        assertSameAsRecount();
        long b = memberIdByName("Trần Thị Bình");
        join(g2, "Lê Văn Cường", "2024-03-15");
        transfer(a, g2, "2024-06-10");
        leave(b, "2024-04-12");
        assertSameAsRecount();
        join(g3, "Phạm Thị Dung", "2024-03-03");
        moveUnion(g3, u2.id, "2024-04-20");
        assertSameAsRecount();
        reparent(u1, p2.id, "2024-05-05");
        assertSameAsRecount();
        join(g1, "Hoàng Văn Em", "2024-01-25");
        assertSameAsRecount();
        assertTrue(monthRows(root.id) > 0, "the root has rollup rows");
        assertEquals(0, monthRowsDifferingFromDayRows(), "every rollup row is the sum of its month's day rows");
        // All-time sums per grassroots union (joined, left, transfers in, transfers out): g1 had E, B and A join,
        // B leave and A transfer out; g2 had C join and A transfer in; g3 had D join (its move keeps its rows).
        assertEquals(List.of(3L, 1L, 0L, 1L), total(g1));
        assertEquals(List.of(1L, 0L, 1L, 0L), total(g2));
        assertEquals(List.of(1L, 0L, 0L, 0L), total(g3));
        // A total that drifts from its months is found by the recount, and a rebuild restores it.
        corruptTotal(g2);
        assertTrue(recount.differences(null, List.of(g2)).contains("total of grassroots union " + g2),
                recount.differences(null, List.of(g2)));
        rebuild();
        assertSameAsRecount();
        assertEquals(List.of(1L, 0L, 1L, 0L), total(g2));
        // The figures by dimension are kept by the top three units of each chain: the root and the level-2 units
        // per day, the level-3 units per month (their days of 2024 are too old to be kept per day, LevelThree), and
        // a drifting row is found by the recount and restored by a rebuild too.
        assertTrue(dimensionRows(root.id) > 0 && dimensionRows(p1.id) > 0 && dimensionRows(p2.id) > 0);
        assertTrue(dimensionRows(u1.id, "M") > 0 && dimensionRows(u2.id, "M") > 0 && dimensionRows(u3.id, "M") > 0);
        assertEquals(0, dimensionRows(u1.id, "D") + dimensionRows(u2.id, "D") + dimensionRows(u3.id, "D"));
        corruptDimensionRow(p2.id);
        assertTrue(recount.differences(List.of(p2.id), List.of()).contains("unitId=" + p2.id + ", dimension=GENDER"),
                recount.differences(List.of(p2.id), List.of()));
        rebuild();
        assertSameAsRecount();
        corruptDimensionRow(u1.id, "M");
        assertTrue(recount.differences(List.of(u1.id), List.of()).contains("unitId=" + u1.id + ", dimension=GENDER"),
                recount.differences(List.of(u1.id), List.of()));
        rebuild();
        assertSameAsRecount();
    }

    @Test
    void progressBreakdownAndSeriesReadThroughTheRollupMatchHandComputedValues() {
        history();

        long atP1 = createTarget(p1.id, 10, "2024-01-31");
        // Mid-month: E, and B and D who joined since; B has left.
        given().queryParam("asOf", "2024-04-15").when().get("/api/v1/targets/{id}/progress", atP1)
                .then().statusCode(200)
                .body("baselineValue", equalTo(1.0f)).body("currentValue", equalTo(2.0f))
                .body("joined", equalTo(2)).body("left", equalTo(1))
                .body("transfersIn", equalTo(0)).body("transfersOut", equalTo(0));
        // D left with g3, E with U1.
        given().queryParam("asOf", "2024-05-31").when().get("/api/v1/targets/{id}/progress", atP1)
                .then().statusCode(200).body("currentValue", equalTo(0.0f)).body("transfersOut", equalTo(2));
        given().queryParam("from", "2024-01").queryParam("to", "2024-06")
                .when().get("/api/v1/targets/{id}/series", atP1)
                .then().statusCode(200)
                .body("points.actual", contains(1.0f, 2.0f, 3.0f, 1.0f, 0.0f, 0.0f));

        long atP2 = createTarget(p2.id, 10, "2024-01-31");
        given().queryParam("asOf", "2024-06-15").when().get("/api/v1/targets/{id}/progress", atP2)
                .then().statusCode(200)
                .body("baselineValue", equalTo(0.0f)).body("currentValue", equalTo(4.0f))
                .body("joined", equalTo(2)).body("left", equalTo(0))
                .body("transfersIn", equalTo(3)).body("transfersOut", equalTo(1));

        long atRoot = createTarget(root.id, 10, "2024-01-31");
        given().queryParam("asOf", "2024-04-15").when().get("/api/v1/targets/{id}/progress", atRoot)
                .then().statusCode(200)
                .body("baselineValue", equalTo(1.0f)).body("currentValue", equalTo(3.0f))
                .body("joined", equalTo(3)).body("left", equalTo(1));
        // The breakdown by province reads both provinces at once, mid-month.
        var body = given().queryParam("asOf", "2024-05-10").when().get("/api/v1/targets/{id}/progress", atRoot)
                .then().statusCode(200).body("currentValue", equalTo(3.0f)).extract().jsonPath();
        List<Map<String, Object>> rows = body.getList("breakdown");
        Map<String, Object> rowP1 = row(rows, p1.id);
        Map<String, Object> rowP2 = row(rows, p2.id);
        assertEquals(0.0, ((Number) rowP1.get("currentValue")).doubleValue());
        assertEquals(1.0, ((Number) rowP1.get("baselineValue")).doubleValue());
        assertEquals(2, rowP1.get("transfersOut"));
        assertEquals(1, rowP1.get("left"));
        assertEquals(3.0, ((Number) rowP2.get("currentValue")).doubleValue()); // C, D, E
        assertEquals(2, rowP2.get("transfersIn"));
        assertEquals(1, rowP2.get("joined"));
        assertSameAsRecount();

        // The next year: F joins g2 on 2025-02-03. Reads now sum the 2024 year row, the 2025 months before asOf's
        // month and asOf's month's days.
        join(g2, "Đỗ Văn Phúc", "2025-02-03");
        assertSameAsRecount();
        given().queryParam("asOf", "2024-12-31").when().get("/api/v1/targets/{id}/progress", atRoot)
                .then().statusCode(200).body("currentValue", equalTo(4.0f)); // A, C, D, E
        body = given().queryParam("asOf", "2025-03-10").when().get("/api/v1/targets/{id}/progress", atRoot)
                .then().statusCode(200)
                .body("baselineValue", equalTo(1.0f)).body("currentValue", equalTo(5.0f))
                .body("joined", equalTo(5)).body("left", equalTo(1)) // B, D, C, A, F joined; B left
                .extract().jsonPath();
        rows = body.getList("breakdown");
        rowP1 = row(rows, p1.id);
        rowP2 = row(rows, p2.id);
        // P1: E at baseline; B and D joined, B left, D (with g3) and E (with U1) moved out.
        assertEquals(0.0, ((Number) rowP1.get("currentValue")).doubleValue());
        assertEquals(2, rowP1.get("joined"));
        assertEquals(1, rowP1.get("left"));
        assertEquals(2, rowP1.get("transfersOut"));
        // P2: C, A (U1 was already under P2) and F joined; D and E moved in; A's transfer from g1 to g2 is out of
        // U1 and into U2, both under P2.
        assertEquals(5.0, ((Number) rowP2.get("currentValue")).doubleValue());
        assertEquals(3, rowP2.get("joined"));
        assertEquals(3, rowP2.get("transfersIn"));
        assertEquals(1, rowP2.get("transfersOut"));
        assertEquals(0, yearRowsDifferingFromMonthRows(), "every year row is the sum of its year's month rows");
    }

    /**
     * The breakdown sums of many units up to two days (one statement on PostgreSQL, with two settings of its own):
     * the values of a month-end and a mid-month day, and the transaction's settings as they were before.
     */
    @Test
    void breakdownSumsOfSeveralUnitsUpToTwoDays() {
        join(g1, "Hoàng Văn Em", "2024-01-25");
        long b = join(g1, "Trần Thị Bình", "2024-02-10");
        join(g2, "Lê Văn Cường", "2024-03-15");
        leave(b, "2024-04-12");
        join(g2, "Đỗ Văn Phúc", "2025-02-03");
        QuarkusTransaction.requiringNew().run(() -> {
            String[] before = {"1", "force_custom_plan"};
            if (database.isPostgres()) {
                em.createNativeQuery("select set_config('max_parallel_workers_per_gather', '1', true), "
                        + "set_config('plan_cache_mode', 'force_custom_plan', true)").getSingleResult();
            }
            Map<Long, UnitTotals> totals = unitTotals.totals(List.of(p1.id, p2.id, u3.id),
                    LocalDate.of(2024, 1, 31), LocalDate.of(2025, 3, 10));
            // P1 (g1, and g3 under U3): E at the baseline; B joined and left. P2 (g2): C and F joined. U3: g3
            // alone, no member.
            assertEquals(new UnitTotals(1, 1, 1, 1, 0, 0, 2, 2), totals.get(p1.id));
            assertEquals(new UnitTotals(0, 2, 2, 0, 0, 0, 1, 1), totals.get(p2.id));
            assertEquals(new UnitTotals(0, 0, 0, 0, 0, 0, 1, 1), totals.get(u3.id));
            assertEquals(3, totals.size());
            if (database.isPostgres()) {
                Object[] settings = (Object[]) em.createNativeQuery("select current_setting("
                        + "'max_parallel_workers_per_gather'), current_setting('plan_cache_mode')", Object[].class)
                        .getSingleResult();
                assertEquals(List.of(before), List.of(settings[0].toString(), settings[1].toString()),
                        "the settings of the transaction are restored after the sums");
            }
        });
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, long unitId) {
        return rows.stream().filter(r -> ((Number) r.get("unitId")).longValue() == unitId).findFirst().orElseThrow();
    }

    @Transactional
    long monthRows(long unitId) {
        return ((Number) em.createNativeQuery("select count(*) from unit_month_figure where unit_id = :u")
                .setParameter("u", unitId).getSingleResult()).longValue();
    }

    @Transactional
    long monthRowsDifferingFromDayRows() {
        List<Long> ids = List.of(root.id, p1.id, p2.id, u1.id, u2.id, u3.id);
        return ((Number) em.createNativeQuery("""
                select count(*) from unit_month_figure m
                where m.unit_id in (:ids) and m.joined + 10 * m.left_count + 100 * m.transfers_in + 1000 * m.transfers_out
                  <> (select coalesce(sum(d.joined + 10 * d.left_count + 100 * d.transfers_in + 1000 * d.transfers_out), 0)
                      from unit_day_figure d where d.unit_id = m.unit_id
                        and cast(date_trunc('month', d.figure_day) as date) = m.month_start)
                """).setParameter("ids", ids).getSingleResult()).longValue();
    }

    @Transactional
    List<Long> total(long union) {
        Object[] r = (Object[]) em.createNativeQuery("select joined, left_count, transfers_in, transfers_out "
                + "from grassroots_union_total where grassroots_union_id = :g").setParameter("g", union)
                .getSingleResult();
        return java.util.Arrays.stream(r).map(v -> ((Number) v).longValue()).toList();
    }

    @Transactional
    void corruptTotal(long union) {
        em.createNativeQuery("update grassroots_union_total set joined = joined + 1 where grassroots_union_id = :g")
                .setParameter("g", union).executeUpdate();
    }

    @Transactional
    long yearRowsDifferingFromMonthRows() {
        List<Long> ids = List.of(root.id, p1.id, p2.id, u1.id, u2.id, u3.id);
        long years = ((Number) em.createNativeQuery("select count(*) from unit_year_figure where unit_id in (:ids)")
                .setParameter("ids", ids).getSingleResult()).longValue();
        assertTrue(years >= 2 * 3, "the root, P2 and U2 have rows for 2024 and 2025: " + years);
        return ((Number) em.createNativeQuery("""
                select count(*) from unit_year_figure y
                where y.unit_id in (:ids) and y.joined + 10 * y.left_count + 100 * y.transfers_in + 1000 * y.transfers_out
                  + 10000 * y.unions_founded <> (select coalesce(sum(m.joined + 10 * m.left_count + 100 * m.transfers_in
                      + 1000 * m.transfers_out + 10000 * m.unions_founded), 0)
                      from unit_month_figure m where m.unit_id = y.unit_id
                        and cast(date_trunc('year', m.month_start) as date) = y.year_start)
                """).setParameter("ids", ids).getSingleResult()).longValue();
    }

    private long createTarget(long scope, int value, String baseline) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "Chỉ tiêu hội viên", "scopeUnitId", scope, "metric", "ACTIVE_MEMBERS",
                        "targetValue", value, "baselineDate", baseline, "deadline", "2025-12-31"))
                .when().post("/api/v1/targets").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }
}
