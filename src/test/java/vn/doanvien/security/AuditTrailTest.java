package vn.doanvien.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;

/** Every write leaves who, when, from where, on what and the changed fields; officers see their subtree's trail. */
@QuarkusTest
class AuditTrailTest {

    @Inject
    SecurityWorld worlds;

    SecurityWorld.World w;

    @BeforeEach
    void setUp() {
        w = worlds.create();
    }

    private int createMember(String token, long unionId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", "Đỗ Văn Kiểm Toán");
        body.put("nationality", "VN");
        body.put("nationalId", TestData.nationalId());
        body.put("grassrootsUnionId", unionId);
        body.put("joinedOn", "2024-03-01");
        return w.as(token).contentType("application/json").header("User-Agent", "audit-test/1.0")
                .header("X-Forwarded-For", "10.20.30.40")
                .body(body).post("/api/v1/members").then().statusCode(201).extract().path("id");
    }

    @Test
    void aWriteIsRecordedWithActorClientAndChangedFields() {
        int id = createMember(w.officerA, w.unionA.id);
        w.as(TestAuthentication.adminToken())
                .get("/api/v1/audit?entityType=Member&entityId=" + id).then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].actor", equalTo(w.officerAName))
                .body("items[0].actorRole", equalTo("OFFICER"))
                .body("items[0].action", equalTo("CREATE"))
                .body("items[0].clientAddress", equalTo("10.20.30.40"))
                .body("items[0].userAgent", equalTo("audit-test/1.0"))
                .body("items[0].grassrootsUnionId", equalTo(w.unionA.id.intValue()))
                .body("items[0].changes.fullName.to", equalTo("Đỗ Văn Kiểm Toán"))
                .body("items[0].changes.nationalIdHash.to", equalTo("[hidden]"));
        // an update records the changed fields only, from and to
        Map<String, Object> member = w.as(w.officerA).get("/api/v1/members/" + id).then().extract().as(Map.class);
        member.put("fullName", "Đỗ Văn Đã Sửa");
        member.keySet().retainAll(java.util.Set.of("fullName", "dateOfBirth", "gender", "nationality", "nationalId",
                "passportNumber", "phone", "email", "status"));
        w.as(w.officerA).contentType("application/json").body(member).put("/api/v1/members/" + id)
                .then().statusCode(200);
        w.as(TestAuthentication.adminToken())
                .get("/api/v1/audit?entityType=Member&entityId=" + id + "&actor=" + w.officerAName).then()
                .statusCode(200).body("totalItems", equalTo(2))
                .body("items[0].action", equalTo("UPDATE"))
                .body("items[0].changes.fullName.from", equalTo("Đỗ Văn Kiểm Toán"))
                .body("items[0].changes.fullName.to", equalTo("Đỗ Văn Đã Sửa"))
                .body("items[0].changes.keySet()", not(hasItem("nationalId")));
    }

    @Test
    void officersSeeTheTrailOfTheirSubtreeOnly() {
        int inside = createMember(w.officerA, w.unionA.id);
        int outside = createMember(TestAuthentication.adminToken(), w.unionB.id);
        w.as(w.officerA).get("/api/v1/audit?entityType=Member&entityId=" + inside).then().statusCode(200)
                .body("totalItems", equalTo(1));
        w.as(w.officerA).get("/api/v1/audit?entityType=Member&entityId=" + outside).then().statusCode(200)
                .body("totalItems", equalTo(0));
        w.as(w.officerA).get("/api/v1/audit").then().statusCode(200)
                .body("totalItems", greaterThanOrEqualTo(1))
                .body("items.findAll { it.entityType == 'Member' }.entityId", not(hasItem(String.valueOf(outside))))
                .body("items.findAll { it.entityType == 'Member' }.entityId", hasItem(String.valueOf(inside)));
        w.as(w.memberUser).get("/api/v1/audit").then().statusCode(403);
    }

    @Test
    void badFiltersAre400Problems() {
        w.as(TestAuthentication.adminToken()).get("/api/v1/audit?from=yesterday").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        w.as(TestAuthentication.adminToken()).get("/api/v1/audit?from=2025-02-01&to=2025-01-01").then()
                .statusCode(400).body("errors[0].field", equalTo("to"));
        w.as(TestAuthentication.adminToken()).get("/api/v1/audit?from=2020-01-01&to=2020-01-02").then()
                .statusCode(200).body("items", everyItem(equalTo(null)));
    }
}
