package vn.doanvien.figures;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;
import vn.doanvien.organisation.Unit;
import vn.doanvien.organisation.UnitKind;

/**
 * A deployment that keeps no pair of dimensions ({@code doanvien.figures.pairs=none}, to spare the write path their
 * rows): writes book none, the pairs built before are dropped at start, the statistics refuse the pairs and the
 * filters that need them, and the figures still equal a recount.
 */
@QuarkusTest
@TestProfile(PairsNotKeptTest.NoPairs.class)
class PairsNotKeptTest {

    /** The test profile of the run (H2 or PostgreSQL) with no pair kept. */
    public static class NoPairs implements QuarkusTestProfile {

        @Override
        public String getConfigProfile() {
            return System.getProperty("quarkus.test.profile", "test");
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(Dimension.PAIRS_PROPERTY, "none");
        }
    }

    static final String STATS = "/api/v1/stats/membership";

    @Inject
    TestData data;

    @Inject
    FiguresRecount recount;

    @Inject
    DimensionsBuild build;

    @Inject
    EntityManager em;

    @Test
    void noPairIsKeptOrOffered() {
        assertTrue(Dimension.kept().stream().noneMatch(Dimension::isPair), Dimension.kept().toString());
        assertEquals(List.of(), build.missing());
        Unit root = data.unit(UnitKind.CONFEDERATION, null, LocalDate.of(2020, 1, 1));
        Unit province = data.unit(UnitKind.PROVINCIAL_FEDERATION, root.id, LocalDate.of(2020, 1, 1));
        Unit upper = data.unit(UnitKind.UPPER_LEVEL_UNION, province.id, LocalDate.of(2020, 1, 1));
        long union = union(upper.id);
        for (int i = 0; i < 3; i++) {
            join(union, "FEMALE", LocalDate.of(2024, 3, 1 + i));
        }
        assertEquals(0, pairRows(), "no write books a pair's rows");
        assertEquals("", recount.differences(List.of(root.id, province.id), List.of(union)));

        given().queryParam("unitId", root.id).queryParam("groupBy", "GENDER").when().get(STATS)
                .then().statusCode(200).body("rows[0].key", equalTo("FEMALE")).body("rows[0].activeMembers",
                        equalTo(3));
        given().queryParam("unitId", root.id).queryParam("groupBy", "GENDER_AGE_BAND").when().get(STATS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("groupBy"));
        given().queryParam("unitId", root.id).queryParam("groupBy", "AGE_BAND").queryParam("where", "GENDER:FEMALE")
                .when().get(STATS).then().statusCode(400).body("errors[0].field", equalTo("where"));
        // the filter's own dimension needs no pair
        given().queryParam("unitId", root.id).queryParam("groupBy", "GENDER").queryParam("where", "GENDER:FEMALE")
                .when().get(STATS).then().statusCode(200).body("total.activeMembers", equalTo(3));
    }

    @Test
    void theSettingNamesPairsOrNone() {
        long pairs = Arrays.stream(Dimension.values()).filter(Dimension::isPair).count();
        assertEquals(Dimension.values().length, Dimension.keptOf(null).size());
        assertEquals(Dimension.values().length - pairs, Dimension.keptOf("none").size());
        assertEquals(Dimension.values().length - pairs + 1, Dimension.keptOf(" OWNERSHIP_INDUSTRY ").size());
        assertTrue(Dimension.keptOf("OWNERSHIP_INDUSTRY").contains(Dimension.OWNERSHIP_INDUSTRY));
        assertThrows(IllegalStateException.class, () -> Dimension.keptOf("GENDER"));
        assertThrows(IllegalStateException.class, () -> Dimension.keptOf("OWNERSHIP_GENDER"));
    }

    @Transactional
    long pairRows() {
        return ((Number) em.createNativeQuery("select count(*) from unit_dimension_figure where dimension in (:d)")
                .setParameter("d", Arrays.stream(Dimension.values()).filter(Dimension::isPair).map(Dimension::name)
                        .toList()).getSingleResult()).longValue();
    }

    private long union(long upper) {
        Map<String, Object> b = new HashMap<>();
        b.put("code", TestData.unique("G"));
        b.put("name", "Công đoàn cơ sở " + TestData.unique("G"));
        b.put("upperLevelUnitId", upper);
        b.put("foundedOn", "2020-06-01");
        return given().contentType(ContentType.JSON).body(b).when().post("/api/v1/grassroots-unions")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private void join(long union, String gender, LocalDate joinedOn) {
        Map<String, Object> b = new HashMap<>();
        b.put("fullName", TestData.unique("Đoàn viên"));
        b.put("gender", gender);
        b.put("dateOfBirth", "1990-01-01");
        b.put("nationalId", TestData.nationalId());
        b.put("grassrootsUnionId", union);
        b.put("joinedOn", joinedOn.toString());
        given().contentType(ContentType.JSON).body(b).when().post("/api/v1/members").then().statusCode(201);
    }
}
