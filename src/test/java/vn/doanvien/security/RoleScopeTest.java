package vn.doanvien.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;

/** Each role, in and out of its reach, for every resource family. */
@QuarkusTest
class RoleScopeTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    SecurityWorld worlds;

    @Inject
    EntityManager em;

    SecurityWorld.World w;

    @BeforeEach
    void setUp() {
        w = worlds.create();
    }

    private static void forbidden(ValidatableResponse r) {
        r.statusCode(403).contentType(PROBLEM).body("status", equalTo(403)).body("title", equalTo("Forbidden"));
    }

    private Map<String, Object> memberBody(long unionId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", "Lê Văn Mới");
        body.put("nationality", "VN");
        body.put("nationalId", TestData.nationalId());
        body.put("phone", "0903 123 456");
        body.put("grassrootsUnionId", unionId);
        body.put("joinedOn", "2024-03-01");
        return body;
    }

    private long membersIn(long unionId) {
        return ((Number) em.createNativeQuery("select count(*) from member where grassroots_union_id = ?1")
                .setParameter(1, unionId).getSingleResult()).longValue();
    }

    @Test
    void officerReadsUnitsEnterprisesAndUnionsOfTheirSubtreeOnly() {
        w.as(w.officerA).get("/api/v1/units/" + w.upperA.id).then().statusCode(200).body("id", is(w.upperA.id.intValue()));
        forbidden(w.as(w.officerA).get("/api/v1/units/" + w.provinceB.id).then());
        forbidden(w.as(w.officerA).get("/api/v1/units/" + w.root.id + "/children").then());
        w.as(w.officerA).get("/api/v1/enterprises/" + w.enterpriseA.id).then().statusCode(200);
        forbidden(w.as(w.officerA).get("/api/v1/enterprises/" + w.enterpriseB.id).then());
        w.as(w.officerA).get("/api/v1/grassroots-unions/" + w.unionA.id).then().statusCode(200);
        forbidden(w.as(w.officerA).get("/api/v1/grassroots-unions/" + w.unionB.id).then());
        forbidden(w.as(w.officerA).get("/api/v1/grassroots-unions?upperLevelUnitId=" + w.upperB.id).then());
    }

    @Test
    void officerListsAreFilteredToTheirSubtree() {
        w.as(w.officerA).get("/api/v1/members").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(w.memberA.id.intValue()));
        w.as(w.officerA).get("/api/v1/grassroots-unions").then().statusCode(200)
                .body("items.id", everyItem(equalTo(w.unionA.id.intValue())));
        forbidden(w.as(w.officerA).get("/api/v1/members?unitId=" + w.provinceB.id).then());
        forbidden(w.as(w.officerA).get("/api/v1/members?grassrootsUnionId=" + w.unionB.id).then());
    }

    @Test
    void officerReadsMembersOfTheirSubtreeInClearAndNoOthers() {
        w.as(w.officerA).get("/api/v1/members/" + w.memberA.id).then().statusCode(200)
                .body("nationalId", equalTo(w.memberA.nationalId));
        forbidden(w.as(w.officerA).get("/api/v1/members/" + w.memberB.id).then());
        forbidden(w.as(w.officerA).get("/api/v1/members/" + w.memberB.id + "/history").then());
    }

    @Test
    void officerWritesOnlyInsideTheirSubtreeAndARefusedWriteChangesNothing() {
        w.as(w.officerA).contentType("application/json").body(memberBody(w.unionA.id)).post("/api/v1/members")
                .then().statusCode(201);
        assertEquals(2, membersIn(w.unionA.id));
        forbidden(w.as(w.officerA).contentType("application/json").body(memberBody(w.unionB.id))
                .post("/api/v1/members").then());
        assertEquals(1, membersIn(w.unionB.id));
        forbidden(w.as(w.officerA).contentType("application/json")
                .body(Map.of("toGrassrootsUnionId", w.unionB.id, "effectiveOn", "2024-06-01"))
                .post("/api/v1/members/" + w.memberA.id + "/transfers").then());
        forbidden(w.as(w.officerA).delete("/api/v1/members/" + w.memberB.id).then());
        assertEquals(1, membersIn(w.unionB.id));
        forbidden(w.as(w.officerA).contentType("application/json")
                .body(Map.of("kind", "UPPER_LEVEL_UNION", "code", TestData.unique("X"), "name", "X",
                        "parentId", w.provinceB.id, "validFrom", "2024-01-01"))
                .post("/api/v1/units").then());
        forbidden(w.as(w.officerA).contentType("application/json")
                .body(Map.of("kind", "CONFEDERATION", "code", TestData.unique("X"), "name", "X",
                        "validFrom", "2024-01-01"))
                .post("/api/v1/units").then());
        forbidden(w.as(w.officerA).delete("/api/v1/enterprises/" + w.enterpriseB.id).then());
        forbidden(w.as(w.officerA).contentType("application/json")
                .body(Map.of("items", List.of(Map.of("grassrootsUnionId", w.unionB.id, "month", "2025-01",
                        "members", 10))))
                .post("/api/v1/sync/member-counts").then());
    }

    @Test
    void officerFiguresTargetsAndTrainingStayInScope() {
        w.as(w.officerA).get("/api/v1/units/" + w.provinceA.id + "/reported-figures").then().statusCode(200);
        forbidden(w.as(w.officerA).get("/api/v1/units/" + w.provinceB.id + "/reported-figures").then());
        w.as(w.officerA).get("/api/v1/grassroots-unions/" + w.unionA.id + "/member-counts").then().statusCode(200);
        forbidden(w.as(w.officerA).get("/api/v1/grassroots-unions/" + w.unionB.id + "/member-counts").then());
        w.as(w.officerA).get("/api/v1/targets").then().statusCode(200);
        forbidden(w.as(w.officerA).get("/api/v1/targets?scopeUnitId=" + w.provinceB.id).then());
        w.as(w.officerA).get("/api/v1/officials").then().statusCode(200);
        forbidden(w.as(w.officerA).get("/api/v1/officials?unitId=" + w.provinceB.id).then());
        w.as(w.officerA).get("/api/v1/training-courses").then().statusCode(200);
        forbidden(w.as(w.officerA).get("/api/v1/training-courses?organisingUnitId=" + w.provinceB.id).then());
        w.as(w.officerA).get("/api/v1/training/report?unitId=" + w.provinceA.id + "&year=2025").then().statusCode(200);
        forbidden(w.as(w.officerA).get("/api/v1/training/report?unitId=" + w.provinceB.id + "&year=2025").then());
    }

    @Test
    void officerCannotManageAccounts() {
        forbidden(w.as(w.officerA).get("/api/v1/users").then());
        forbidden(w.as(w.officerA).contentType("application/json").body(Map.of("name", "k", "unitId", w.provinceA.id))
                .post("/api/v1/api-keys").then());
    }

    @Test
    void analystReadsAggregatesButNoPersonalData() {
        w.as(w.analyst).get("/api/v1/units/" + w.provinceB.id).then().statusCode(200);
        w.as(w.analyst).get("/api/v1/enterprises/" + w.enterpriseB.id).then().statusCode(200);
        w.as(w.analyst).get("/api/v1/grassroots-unions/" + w.unionB.id).then().statusCode(200);
        w.as(w.analyst).get("/api/v1/targets").then().statusCode(200);
        w.as(w.analyst).get("/api/v1/units/" + w.provinceB.id + "/reported-figures").then().statusCode(200);
        int target = w.as(TestAuthentication.adminToken()).contentType("application/json")
                .body(Map.of("name", "Mục tiêu B", "scopeUnitId", w.provinceB.id, "metric", "ACTIVE_MEMBERS",
                        "targetValue", 10, "baselineDate", "2023-12-31", "deadline", "2028-12-31"))
                .post("/api/v1/targets").then().statusCode(201).extract().path("id");
        w.as(w.analyst).get("/api/v1/targets/" + target + "/progress").then().statusCode(200);
        w.as(w.analyst).get("/api/v1/targets/" + target + "/series").then().statusCode(200);
        w.as(w.analyst).accept("image/svg+xml").get("/api/v1/targets/" + target + "/chart.svg").then()
                .statusCode(200).contentType(startsWith("image/svg+xml"));
        w.as(w.analyst).accept("image/svg+xml").queryParam("unitId", w.provinceB.id)
                .get("/api/v1/stats/membership/series.svg").then().statusCode(200);
        w.as(w.analyst).queryParam("unitId", w.root.id).get("/api/v1/stats/membership").then().statusCode(200);
        w.as(w.analyst).queryParam("unitId", w.root.id).get("/api/v1/recruitment/leads").then().statusCode(200);
        forbidden(w.as(w.analyst).get("/api/v1/members/" + w.memberA.id).then());
        forbidden(w.as(w.analyst).get("/api/v1/members").then());
        forbidden(w.as(w.analyst).get("/api/v1/officials").then());
        forbidden(w.as(w.analyst).get("/api/v1/training-courses").then());
        forbidden(w.as(w.analyst).get("/api/v1/audit").then());
        forbidden(w.as(w.analyst).get("/api/v1/join-requests").then());
        forbidden(w.as(w.analyst).contentType("application/json").body(memberBody(w.unionA.id))
                .post("/api/v1/members").then());
        forbidden(w.as(w.analyst).delete("/api/v1/enterprises/" + w.enterpriseA.id).then());
    }

    @Test
    void memberReadsTheirOwnRecordMaskedAndNothingElse() {
        String nid = w.memberA.nationalId;
        w.as(w.memberUser).get("/api/v1/members/" + w.memberA.id).then().statusCode(200)
                .body("cardNumber", equalTo(w.memberA.cardNumber))
                .body("nationalId", equalTo("********" + nid.substring(nid.length() - 4)));
        w.as(w.memberUser).get("/api/v1/members/" + w.memberA.id + "/history").then().statusCode(200);
        forbidden(w.as(w.memberUser).get("/api/v1/members/" + w.memberB.id).then());
        forbidden(w.as(w.memberUser).get("/api/v1/members").then());
        forbidden(w.as(w.memberUser).contentType("application/json").body(memberBody(w.unionA.id))
                .put("/api/v1/members/" + w.memberA.id).then());
        forbidden(w.as(w.memberUser).get("/api/v1/units/" + w.provinceA.id).then());
        forbidden(w.as(w.memberUser).get("/api/v1/targets").then());
        w.as(w.memberUser).get("/api/v1/auth/me").then().statusCode(200)
                .body("role", equalTo("MEMBER")).body("memberId", equalTo(w.memberA.id.intValue()));
    }

    @Test
    void adminReachesEverythingInClear() {
        w.as(TestAuthentication.adminToken()).get("/api/v1/members/" + w.memberB.id).then().statusCode(200)
                .body("nationalId", equalTo(w.memberB.nationalId));
        w.as(TestAuthentication.adminToken()).get("/api/v1/units/" + w.provinceB.id).then().statusCode(200);
        w.as(TestAuthentication.adminToken()).get("/api/v1/auth/me").then().statusCode(200)
                .body("role", equalTo("ADMIN"));
    }

    @Test
    void apiKeyActsAsOfficerOfItsUnitUntilRevoked() {
        Map<String, Object> created = w.as(TestAuthentication.adminToken()).contentType("application/json")
                .body(Map.of("name", "HR system", "unitId", w.provinceA.id))
                .post("/api/v1/api-keys").then().statusCode(201)
                .body("key", startsWith("dvk_")).extract().as(Map.class);
        String key = (String) created.get("key");
        SecurityWorld.World.anonymous().header("X-API-Key", key).get("/api/v1/members/" + w.memberA.id)
                .then().statusCode(200).body("nationalId", equalTo(w.memberA.nationalId));
        forbidden(SecurityWorld.World.anonymous().header("Authorization", "ApiKey " + key)
                .get("/api/v1/members/" + w.memberB.id).then());
        SecurityWorld.World.anonymous().header("Authorization", "ApiKey " + key).get("/api/v1/auth/me")
                .then().statusCode(200).body("role", equalTo("OFFICER"))
                .body("unitId", equalTo(w.provinceA.id.intValue()));
        w.as(TestAuthentication.adminToken()).get("/api/v1/api-keys").then().statusCode(200)
                .body("find { it.id == " + created.get("id") + " }.key", equalTo(null));
        w.as(TestAuthentication.adminToken()).delete("/api/v1/api-keys/" + created.get("id")).then().statusCode(200);
        SecurityWorld.World.anonymous().header("X-API-Key", key).get("/api/v1/members/" + w.memberA.id)
                .then().statusCode(401).contentType(PROBLEM);
        SecurityWorld.World.anonymous().header("X-API-Key", "dvk_not-a-key").get("/api/v1/members/" + w.memberA.id)
                .then().statusCode(401).contentType(PROBLEM);
    }
}
