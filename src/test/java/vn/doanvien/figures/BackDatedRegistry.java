package vn.doanvien.figures;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.doanvien.ApiSteps.createUnion;
import static vn.doanvien.ApiSteps.join;
import static vn.doanvien.ApiSteps.leave;

import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import vn.doanvien.TestData;
import vn.doanvien.common.DatabaseKind;
import vn.doanvien.organisation.Unit;
import vn.doanvien.organisation.UnitKind;

/**
 * A small registry whose figures are booked in a different order than its dates, most of it back-dated, for the
 * tests of the maintained figures ({@link FiguresRollupTest}) and of their build ({@link DimensionsBuildTest}):
 * the tree, the members' history through the API, and the figure tables read, corrupted and rebuilt.
 *
 * <pre>
 * root ─ P1 ─ U1 ─ g1     U1 moves to P2 on 2024-05-05
 *         └ U3 ─ g3       g3 moves to U2 on 2024-04-20
 *      └ P2 ─ U2 ─ g2
 * E joins g1 2024-01-25, B g1 2024-02-10 (leaves 2024-04-12), D g3 2024-03-03, C g2 2024-03-15,
 * A g1 2024-05-20 (transfers to g2 2024-06-10); booked in a different order, most of them back-dated.
 * </pre>
 */
abstract class BackDatedRegistry {

    static final LocalDate FROM = LocalDate.of(2020, 1, 1);

    @Inject
    TestData data;

    @Inject
    FiguresRecount recount;

    @Inject
    EntityManager em;

    @Inject
    DatabaseKind database;

    Unit root;
    Unit p1;
    Unit p2;
    Unit u1;
    Unit u2;
    Unit u3;
    long g1;
    long g2;
    long g3;

    @BeforeEach
    void registry() {
        root = data.unit(UnitKind.CONFEDERATION, null, FROM);
        p1 = data.unit(UnitKind.PROVINCIAL_FEDERATION, root.id, FROM);
        p2 = data.unit(UnitKind.PROVINCIAL_FEDERATION, root.id, FROM);
        u1 = data.unit(UnitKind.UPPER_LEVEL_UNION, p1.id, FROM);
        u2 = data.unit(UnitKind.UPPER_LEVEL_UNION, p2.id, FROM);
        u3 = data.unit(UnitKind.UPPER_LEVEL_UNION, p1.id, FROM);
        g1 = createUnion(u1.id, "2024-01-01");
        g2 = createUnion(u2.id, "2024-01-01");
        g3 = createUnion(u3.id, "2024-01-01");
    }

    /** The diagram's history, booked in the order A, B, C, A's transfer, B leaves, D, g3 moves, U1 moves, E. */
    void history() {
        long a = join(g1, "Nguyễn Văn An", "2024-05-20");
        long b = join(g1, "Trần Thị Bình", "2024-02-10");
        join(g2, "Lê Văn Cường", "2024-03-15");
        transfer(a, g2, "2024-06-10");
        leave(b, "2024-04-12");
        join(g3, "Phạm Thị Dung", "2024-03-03");
        moveUnion(g3, u2.id, "2024-04-20");
        reparent(u1, p2.id, "2024-05-05");
        join(g1, "Hoàng Văn Em", "2024-01-25");
    }

    void assertSameAsRecount() {
        assertEquals("", recount.differences(List.of(root.id, p1.id, p2.id, u1.id, u2.id, u3.id), List.of(g1, g2, g3)));
    }

    @Transactional
    void rebuild() {
        recount.rebuild();
    }

    @Transactional
    long dimensionRows(long unitId, Dimension dimension) {
        return ((Number) em.createNativeQuery("select count(*) from unit_dimension_figure where unit_id = :u "
                + "and dimension = :d").setParameter("u", unitId).setParameter("d", dimension.name())
                .getSingleResult()).longValue();
    }

    @Transactional
    long dimensionRows(long unitId) {
        return ((Number) em.createNativeQuery("select count(*) from unit_dimension_figure where unit_id = :u")
                .setParameter("u", unitId).getSingleResult()).longValue();
    }

    @Transactional
    long dimensionRows(long unitId, String grain) {
        return ((Number) em.createNativeQuery("select count(*) from unit_dimension_figure where unit_id = :u "
                + "and grain = :g").setParameter("u", unitId).setParameter("g", grain).getSingleResult()).longValue();
    }

    @Transactional
    void corruptDimensionRow(long unitId, String grain) {
        em.createNativeQuery("update unit_dimension_figure set joined = joined + 1 where unit_id = :u "
                + "and dimension = 'GENDER' and grain = :g").setParameter("u", unitId).setParameter("g", grain)
                .executeUpdate();
    }

    @Transactional
    void corruptDimensionRow(long unitId) {
        em.createNativeQuery("update unit_dimension_figure set joined = joined + 1 where unit_id = :u "
                + "and dimension = 'GENDER' and grain = 'D'").setParameter("u", unitId).executeUpdate();
    }

    @Transactional
    long memberIdByName(String name) {
        return ((Number) em.createNativeQuery("select max(id) from member where full_name = :n")
                .setParameter("n", name).getSingleResult()).longValue();
    }

    void moveUnion(long union, long toUnit, String effectiveOn) {
        var current = given().when().get("/api/v1/grassroots-unions/{id}", union).then().statusCode(200)
                .extract().jsonPath();
        given().contentType(ContentType.JSON)
                .body(Map.of("code", current.getString("code"), "name", current.getString("name"),
                        "upperLevelUnitId", toUnit, "effectiveOn", effectiveOn))
                .when().put("/api/v1/grassroots-unions/{id}", union).then().statusCode(200);
    }

    void reparent(Unit unit, long parentId, String effectiveOn) {
        given().contentType(ContentType.JSON)
                .body(Map.of("code", unit.code, "name", unit.name, "category", "INDUSTRIAL_ZONE",
                        "provinceCode", "79", "parentId", parentId, "effectiveOn", effectiveOn))
                .when().put("/api/v1/units/{id}", unit.id).then().statusCode(200);
    }

    void transfer(long member, long toUnion, String effectiveOn) {
        given().contentType(ContentType.JSON)
                .body(Map.of("toGrassrootsUnionId", toUnion, "effectiveOn", effectiveOn))
                .when().post("/api/v1/members/{id}/transfers", member).then().statusCode(200);
    }
}
