package vn.doanvien.organisation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.doanvien.organisation.UnitApi.province;
import static vn.doanvien.organisation.UnitApi.upper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import vn.doanvien.security.SecurityWorld;

/**
 * The same requests asked again add no query plans to Hibernate's cache: a native query that Hibernate cannot
 * recognise as one it has seen (in 7.3, one given a scalar result class such as {@code Long.class}) becomes a new plan
 * at every call, kept until the cache is full (2,048), and every look-up then walks them: in the benchmark, a fifth of
 * the CPU of the Confederation's statistic by child unit.
 */
@QuarkusTest
class QueryPlansTest {

    private static final String STATS = "/api/v1/stats/membership";
    private static final int TIMES = 20;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    SecurityWorld worlds;

    @Test
    void statisticsAskedAgainAddNoPlans() {
        long p = province("LĐLĐ tỉnh Kế Hoạch");
        upper(p, "DISTRICT", "Công đoàn Một");
        upper(p, "DISTRICT", "Công đoàn Hai");
        assertNoPlansAdded(() -> askStatistics(p));
    }

    /**
     * An officer's requests (their reach is read from the tree at every request), the grassroots breakdown of an
     * upper-level union's target and the count of recruitment leads.
     */
    @Test
    void anOfficersRequestsAskedAgainAddNoPlans() {
        SecurityWorld.World w = worlds.create();
        long target = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Chỉ tiêu kế hoạch", "scopeUnitId", w.upperA.id, "metric", "ACTIVE_MEMBERS",
                        "targetValue", 10, "baselineDate", "2024-01-31", "deadline", "2027-12-31"))
                .when().post("/api/v1/targets").then().statusCode(201).extract().jsonPath().getLong("id");
        assertNoPlansAdded(() -> {
            w.as(w.officerA).get("/api/v1/members/{id}", w.memberA.id).then().statusCode(200);
            w.as(w.officerA).queryParam("unitId", w.provinceA.id).get("/api/v1/members").then().statusCode(200);
            w.as(w.officerA).queryParam("unitId", w.provinceA.id).get("/api/v1/recruitment/leads")
                    .then().statusCode(200);
            w.as(w.officerA).get("/api/v1/targets/{id}/progress", target).then().statusCode(200);
        });
    }

    private void assertNoPlansAdded(Runnable requests) {
        requests.run();
        int before = plans();
        for (int i = 0; i < TIMES; i++) {
            requests.run();
        }
        int added = plans() - before;
        assertTrue(added < TIMES, added + " plans added by asking the same " + TIMES + " times again");
    }

    private static void askStatistics(long unit) {
        for (String groupBy : new String[] {"CHILD_UNIT", "GENDER", "OWNERSHIP"}) {
            given().queryParam("unitId", unit).queryParam("groupBy", groupBy).get(STATS).then().statusCode(200);
        }
        given().queryParam("unitId", unit).get(STATS + "/series").then().statusCode(200);
    }

    private int plans() {
        return sessionFactory.unwrap(SessionFactoryImplementor.class).getQueryEngine().getInterpretationCache()
                .getNumberOfCachedQueryPlans();
    }
}
