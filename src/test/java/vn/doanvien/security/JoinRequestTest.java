package vn.doanvien.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;
import vn.doanvien.enterprise.Enterprise;

/** Online joining: submission without login, routing, the applicant's status, approval and rejection. */
@QuarkusTest
class JoinRequestTest {

    private static final AtomicInteger ADDRESS = new AtomicInteger();

    @Inject
    SecurityWorld worlds;

    @Inject
    TestData data;

    @Inject
    EntityManager em;

    SecurityWorld.World w;

    @BeforeEach
    void setUp() {
        w = worlds.create();
    }

    private static String address() {
        return "10.50." + (ADDRESS.get() / 200) + "." + (ADDRESS.incrementAndGet() % 200);
    }

    private static Map<String, Object> body(String taxCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", "Vũ Thị Xin Vào");
        body.put("dateOfBirth", "1999-09-09");
        body.put("gender", "FEMALE");
        body.put("nationalId", TestData.nationalId());
        body.put("phone", "0977 111 222");
        body.put("employerTaxCode", taxCode);
        return body;
    }

    private static ValidatableResponse submit(Map<String, Object> body, String address) {
        return SecurityWorld.World.anonymous().header("X-Forwarded-For", address).contentType("application/json")
                .body(body).post("/api/v1/join-requests").then();
    }

    @Test
    void aRequestLandsWithTheEmployersUnionAndIsApprovedIntoAMember() {
        Map<String, Object> receipt = submit(body(w.enterpriseA.taxCode), address()).statusCode(201)
                .header("Location", notNullValue())
                .body("status", equalTo("PENDING")).body("routing", equalTo("GRASSROOTS_UNION"))
                .body("reference", startsWith("JR-")).extract().as(Map.class);
        String reference = (String) receipt.get("reference");
        String secret = (String) receipt.get("secret");
        SecurityWorld.World.anonymous().header("X-Join-Secret", secret).get("/api/v1/join-requests/" + reference)
                .then().statusCode(200).body("status", equalTo("PENDING"));
        SecurityWorld.World.anonymous().header("X-Join-Secret", "wrong").get("/api/v1/join-requests/" + reference)
                .then().statusCode(404).contentType("application/problem+json");
        SecurityWorld.World.anonymous().get("/api/v1/join-requests/" + reference).then().statusCode(401);
        // the officer of the place sees it in their list, the officer elsewhere does not
        w.as(w.officerA).get("/api/v1/join-requests?status=PENDING").then().statusCode(200)
                .body("items.reference", hasItem(reference));
        String otherOfficer = TestData.unique("officer-b").toLowerCase();
        worlds.accounts().createUser(otherOfficer, SecurityWorld.PASSWORD, Roles.OFFICER, w.provinceB.id, null);
        String tokenB = TestAuthentication.login(otherOfficer, SecurityWorld.PASSWORD);
        w.as(tokenB).get("/api/v1/join-requests").then().statusCode(200)
                .body("items.reference", not(hasItem(reference)));
        w.as(tokenB).contentType("application/json").body("{}")
                .post("/api/v1/join-requests/" + reference + "/approval").then().statusCode(403);
        // approval registers the member with a card number
        Map<String, Object> approved = w.as(w.officerA).contentType("application/json").body("{}")
                .post("/api/v1/join-requests/" + reference + "/approval").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("memberId", notNullValue()).extract().as(Map.class);
        long memberId = ((Number) approved.get("memberId")).longValue();
        w.as(w.officerA).get("/api/v1/members/" + memberId).then().statusCode(200)
                .body("grassrootsUnionId", equalTo(w.unionA.id.intValue()))
                .body("cardNumber", startsWith("DV"));
        SecurityWorld.World.anonymous().header("X-Join-Secret", secret).get("/api/v1/join-requests/" + reference)
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("cardNumber", startsWith("DV"));
        // decided once
        w.as(w.officerA).contentType("application/json").body(Map.of("reason", "late"))
                .post("/api/v1/join-requests/" + reference + "/rejection").then().statusCode(409);
    }

    @Test
    void withoutAUnionItIsARecruitmentLeadOfTheUpperLevelAndCanBeRejected() {
        Enterprise bare = data.enterprise(w.upperA.id, 80);
        Map<String, Object> receipt = submit(body(bare.taxCode), address()).statusCode(201)
                .body("routing", equalTo("RECRUITMENT_LEAD")).extract().as(Map.class);
        String reference = (String) receipt.get("reference");
        w.as(w.officerA).contentType("application/json").body("{}")
                .post("/api/v1/join-requests/" + reference + "/approval").then().statusCode(400)
                .body("errors[0].field", equalTo("grassrootsUnionId"));
        w.as(w.officerA).contentType("application/json").body(Map.of("reason", " "))
                .post("/api/v1/join-requests/" + reference + "/rejection").then().statusCode(400);
        w.as(w.officerA).contentType("application/json").body(Map.of("reason", "Doanh nghiệp chưa có công đoàn"))
                .post("/api/v1/join-requests/" + reference + "/rejection").then().statusCode(200)
                .body("status", equalTo("REJECTED"));
        SecurityWorld.World.anonymous().header("X-Join-Secret", receipt.get("secret"))
                .get("/api/v1/join-requests/" + reference).then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("rejectionReason", equalTo("Doanh nghiệp chưa có công đoàn"));
    }

    @Test
    void aWorkerOfAnUnregisteredEmployerIsALeadOfTheProvinceUntilTheEnterpriseIsRegistered() {
        String tax = TestData.taxCode();
        long before = count();
        submit(body(tax), address()).statusCode(400).body("errors[0].field", equalTo("provinceCode"));
        Map<String, Object> nowhere = body(tax);
        nowhere.put("provinceCode", "97");
        submit(nowhere, address()).statusCode(400).body("errors[0].field", equalTo("provinceCode"));
        assertEquals(before, count());

        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                "update Unit u set u.provinceCode = '98' where u.id = :id").setParameter("id", w.provinceA.id)
                .executeUpdate());
        java.util.List<String> references = new java.util.ArrayList<>();
        for (String name : new String[] {"Công ty TNHH Chưa Đăng Ký", "Cty Chưa Đăng Ký"}) {
            Map<String, Object> b = body(tax);
            b.put("employerName", name);
            b.put("provinceCode", "98");
            references.add((String) submit(b, address()).statusCode(201).body("routing", equalTo("UNREGISTERED"))
                    .extract().path("reference"));
        }
        // The province's officer sees the employer as a lead, with the workers who asked; another province's does not.
        w.as(w.officerA).get("/api/v1/recruitment/unregistered-employers").then().statusCode(200)
                .body("items.find { it.employerTaxCode == '" + tax + "' }.workersAsking", equalTo(2))
                .body("items.find { it.employerTaxCode == '" + tax + "' }.employerName", equalTo("Cty Chưa Đăng Ký"))
                .body("items.find { it.employerTaxCode == '" + tax + "' }.unitId", equalTo(w.provinceA.id.intValue()));
        w.as(w.officerA).get("/api/v1/join-requests?status=PENDING").then().statusCode(200)
                .body("items.reference", org.hamcrest.Matchers.hasItems(references.get(0), references.get(1)));
        String otherOfficer = TestData.unique("officer-b").toLowerCase();
        worlds.accounts().createUser(otherOfficer, SecurityWorld.PASSWORD, Roles.OFFICER, w.provinceB.id, null);
        String tokenB = TestAuthentication.login(otherOfficer, SecurityWorld.PASSWORD);
        w.as(tokenB).get("/api/v1/recruitment/unregistered-employers").then().statusCode(200)
                .body("items.employerTaxCode", not(hasItem(tax)));
        w.as(w.officerA).get("/api/v1/recruitment/unregistered-employers?size=0").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("size"));
        // National users see every province's (an admin here).
        io.restassured.RestAssured.given().get("/api/v1/recruitment/unregistered-employers?size=100").then()
                .statusCode(200).body("items.employerTaxCode", hasItem(tax));

        // Registering the enterprise attaches the requests: they become leads of its upper-level union.
        Map<String, Object> enterprise = new LinkedHashMap<>();
        enterprise.put("taxCode", tax);
        enterprise.put("name", "Công ty TNHH Chưa Đăng Ký");
        enterprise.put("ownership", "PRIVATE");
        enterprise.put("industry", "C");
        enterprise.put("provinceCode", "79");
        enterprise.put("workforce", 120);
        enterprise.put("workforceAsOf", "2026-01-31");
        enterprise.put("upperLevelUnitId", w.upperA.id);
        int enterpriseId = io.restassured.RestAssured.given().contentType("application/json").body(enterprise)
                .post("/api/v1/enterprises").then().statusCode(201).extract().path("id");
        for (String reference : references) {
            String row = "items.find { it.reference == '" + reference + "' }.";
            w.as(w.officerA).get("/api/v1/join-requests?status=PENDING&size=100").then().statusCode(200)
                    .body(row + "routing", equalTo("RECRUITMENT_LEAD"))
                    .body(row + "enterpriseId", equalTo(enterpriseId))
                    .body(row + "unitId", equalTo(w.upperA.id.intValue()))
                    .body(row + "provinceCode", equalTo("98"));
        }
        w.as(w.officerA).get("/api/v1/recruitment/unregistered-employers").then().statusCode(200)
                .body("items.employerTaxCode", not(hasItem(tax)));
    }

    @Test
    void badSubmissionsAre400AndStoreNothing() {
        long before = count();
        submit(body("000000000"), address()).statusCode(400).body("errors[0].field", equalTo("employerTaxCode"));
        Map<String, Object> bad = body(w.enterpriseA.taxCode);
        bad.put("nationalId", "12");
        submit(bad, address()).statusCode(400).body("errors[0].field", equalTo("nationalId"));
        assertEquals(before, count());
    }

    @Test
    void anIdempotencyKeyReplaysTheReceipt() {
        Map<String, Object> body = body(w.enterpriseA.taxCode);
        String key = TestData.unique("jr");
        String addr = address();
        String first = SecurityWorld.World.anonymous().header("X-Forwarded-For", addr).header("Idempotency-Key", key)
                .contentType("application/json").body(body).post("/api/v1/join-requests").then().statusCode(201)
                .extract().path("reference");
        long after = count();
        SecurityWorld.World.anonymous().header("X-Forwarded-For", addr).header("Idempotency-Key", key)
                .contentType("application/json").body(body).post("/api/v1/join-requests").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("reference", equalTo(first));
        assertEquals(after, count());
    }

    @Test
    void oneAddressIsRateLimited() {
        String addr = "10.60.0." + (System.nanoTime() % 200);
        for (int i = 0; i < 10; i++) {
            submit(body(w.enterpriseA.taxCode), addr).statusCode(201);
        }
        submit(body(w.enterpriseA.taxCode), addr).statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue());
    }

    private long count() {
        return ((Number) em.createNativeQuery("select count(*) from join_request").getSingleResult()).longValue();
    }
}
