package vn.doanvien.organisation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.doanvien.organisation.UnitApi.province;
import static vn.doanvien.organisation.UnitApi.upper;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.stat.QueryStatistics;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import vn.doanvien.common.InIdsFunction;
import vn.doanvien.common.RecordedSql;
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

    @Inject
    @PersistenceUnitExtension
    RecordedSql sql;

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

    /**
     * An officer's page of members and page of grassroots unions are the same SQL whatever the size of the officer's
     * reach and of the unit filter's subtree: their lists of units are one array parameter ({@code in_ids}), not
     * an {@code in} list, whose SQL grows with the list. (Whether Hibernate keeps their plans is the next test's.)
     */
    @Test
    void anOfficersPagesKeepTheirSqlWhenTheReachGrows() {
        SecurityWorld.World w = worlds.create();
        Runnable pages = () -> askPages(w);
        List<String> before = pageStatements(sql.record(pages));
        long added = upper(w.provinceA.id, "DISTRICT", "Công đoàn Thêm");
        w.as(w.officerA).get("/api/v1/units/{id}", added).then().statusCode(200);
        List<String> after = pageStatements(sql.record(pages));
        // Each page and its count, the names of the members' unions, the active members of each union listed.
        assertEquals(6, before.size(), "the pages' statements: " + before);
        assertEquals(before, after);
    }

    /**
     * The same pages (and the officer's pages of enterprises, targets and units) asked again take each of their queries
     * with a list of ids from Hibernate's plan cache. With
     * statistics on, Hibernate counts a hit for the query's parsed HQL and another for its plan: a query whose plan is
     * not kept (a list parameter, or a parameter that could take one) gets one hit per run instead of two.
     */
    @Test
    void anOfficersPagesKeepTheirPlans() {
        SecurityWorld.World w = worlds.create();
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Chỉ tiêu trang", "scopeUnitId", w.upperA.id, "metric", "ACTIVE_MEMBERS",
                        "targetValue", 10, "baselineDate", "2024-01-31", "deadline", "2027-12-31"))
                .when().post("/api/v1/targets").then().statusCode(201);
        Runnable pages = () -> {
            askPages(w);
            w.as(w.officerA).get("/api/v1/enterprises").then().statusCode(200).body("items.size()", greaterThan(0));
            w.as(w.officerA).get("/api/v1/targets").then().statusCode(200).body("items.size()", greaterThan(0));
            w.as(w.officerA).get("/api/v1/units").then().statusCode(200).body("items.size()", greaterThan(0));
        };
        pages.run();
        Statistics statistics = sessionFactory.getStatistics();
        Map<String, long[]> before = new HashMap<>();
        for (String q : statistics.getQueries()) {
            QueryStatistics s = statistics.getQueryStatistics(q);
            before.put(q, new long[] {s.getExecutionCount(), s.getPlanCacheHitCount()});
        }
        for (int i = 0; i < TIMES; i++) {
            pages.run();
        }
        List<String> checked = new ArrayList<>();
        for (String q : statistics.getQueries()) {
            QueryStatistics s = statistics.getQueryStatistics(q);
            long[] b = before.getOrDefault(q, new long[2]);
            long runs = s.getExecutionCount() - b[0];
            if (runs > 0 && q.contains(InIdsFunction.NAME + "(")) {
                assertEquals(2 * runs, s.getPlanCacheHitCount() - b[1], "hits of a query run " + runs + " times: " + q);
                checked.add(q);
            }
        }
        // Each page and its count, the names of the members' unions, of the unions' units and enterprises, the
        // unions' active members, the enterprises' active unions (the counts share their page's text with a count's
        // prefix).
        assertTrue(checked.size() >= 11, checked.size() + " queries with a list of ids run by the pages: " + checked);
        for (String page : List.of("from Member where", "from GrassrootsUnion where", "from Enterprise e where",
                "from Target where", "from Unit where")) {
            assertTrue(checked.stream().anyMatch(q -> q.startsWith(page)), page + ": the page's plan kept: " + checked);
            assertTrue(checked.stream().anyMatch(q -> q.startsWith("select count(*) " + page)),
                    page + ": the count's plan kept: " + checked);
        }
    }

    /** The officer's pages of members and of grassroots unions of their province, each with rows. */
    private static void askPages(SecurityWorld.World w) {
        w.as(w.officerA).queryParam("unitId", w.provinceA.id).get("/api/v1/members")
                .then().statusCode(200).body("items.size()", greaterThan(0));
        w.as(w.officerA).queryParam("unitId", w.provinceA.id).get("/api/v1/grassroots-unions")
                .then().statusCode(200).body("items.size()", greaterThan(0));
    }

    /** The statements that read members or grassroots unions. */
    private static List<String> pageStatements(List<String> statements) {
        return statements.stream()
                .filter(s -> s.contains(" from member ") || s.contains(" from grassroots_union "))
                .toList();
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
