package vn.doanvien.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;

/**
 * Writes that bypass the request's entity writes (bulk sync, file imports running in the background) and stored
 * idempotent answers obey the same rules as single writes: recorded in the audit trail as the caller's with
 * personal data masked, kept inside an officer's reach, personal data encrypted at rest, keys owned by a caller.
 */
@QuarkusTest
class BulkWritesSecurityTest {

    @Inject
    SecurityWorld worlds;

    @Inject
    EntityManager em;

    SecurityWorld.World w;

    @BeforeEach
    void setUp() {
        w = worlds.create();
    }

    private static Map<String, Object> item(String name, String nationalId, long unionId) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("fullName", name);
        item.put("nationality", "VN");
        item.put("nationalId", nationalId);
        item.put("phone", "0903 555 777");
        item.put("grassrootsUnionId", unionId);
        item.put("joinedOn", "2024-05-01");
        return item;
    }

    private List<?> rows(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.getResultList();
    }

    private long count(String sql, Object... params) {
        return ((Number) rows(sql, params).get(0)).longValue();
    }

    private JsonPath awaitImport(long id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonPath job = w.as(w.officerA).get("/api/v1/imports/" + id).then().statusCode(200).extract().jsonPath();
            if (!"RUNNING".equals(job.getString("status"))) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    @Test
    void bulkSyncedMembersAreInTheAuditTrailAsTheCallersWithPersonalDataMasked() {
        String nid = TestData.nationalId();
        Map<String, Object> body = Map.of("members", List.of(item("Vũ Thị Đồng Bộ", nid, w.unionA.id)));
        int id = w.as(w.officerA).contentType("application/json").header("User-Agent", "sync-client/2.1")
                .body(body).post("/api/v1/sync/members").then().statusCode(200)
                .body("items[0].outcome", equalTo("CREATED")).extract().path("items[0].memberId");
        w.as(TestAuthentication.adminToken()).get("/api/v1/audit?entityType=Member&entityId=" + id).then()
                .statusCode(200).body("totalItems", equalTo(1))
                .body("items[0].actor", equalTo(w.officerAName))
                .body("items[0].actorRole", equalTo("OFFICER"))
                .body("items[0].action", equalTo("CREATE"))
                .body("items[0].userAgent", equalTo("sync-client/2.1"))
                .body("items[0].grassrootsUnionId", equalTo(w.unionA.id.intValue()))
                .body("items[0].changes.fullName.to", equalTo("Vũ Thị Đồng Bộ"))
                .body("items[0].changes.nationalId.to", equalTo("********" + nid.substring(8)))
                .body("items[0].changes.phone.to", equalTo("********5777"))
                .body("items[0].changes.nationalIdHash.to", equalTo("[hidden]"));
        assertEquals(1, count("select count(*) from audit_entry where entity_type = 'MembershipPeriod' "
                + "and grassroots_union_id = ?1 and actor = ?2", w.unionA.id, w.officerAName));
        assertEquals(0, count("select count(*) from audit_entry where changes like ?1", "%" + nid + "%"));
    }

    @Test
    void anOfficersSyncCannotTakeOrChangeAMemberOfAnotherSubtree() {
        // member B lives in province B; officer A names B's national ID in a union of A's subtree
        Map<String, Object> transfer = item("Trần Thị B", w.memberB.nationalId, w.unionA.id);
        transfer.put("joinedOn", "2021-01-01");
        transfer.put("transferredOn", "2024-06-01");
        Map<String, Object> fresh = item("Ngô Văn Hợp Lệ", TestData.nationalId(), w.unionA.id);
        w.as(w.officerA).contentType("application/json").body(Map.of("members", List.of(transfer, fresh)))
                .post("/api/v1/sync/members").then().statusCode(200)
                .body("items[0].outcome", equalTo("REJECTED"))
                .body("items[0].problem.status", equalTo(403))
                // the answer says why, without naming the other province's member
                .body("items[0].problem.detail", containsString("a member of a grassroots union outside your reach"))
                .body("items[0].problem.detail", not(containsString(String.valueOf(w.memberB.id))))
                .body("items[1].outcome", equalTo("CREATED"));
        assertEquals(w.unionB.id, ((Number) rows("select grassroots_union_id from member where id = ?1",
                w.memberB.id).get(0)).longValue());
        assertEquals(1, count("select count(*) from membership_period where member_id = ?1", w.memberB.id));
        // an admin may make the same transfer
        w.as(TestAuthentication.adminToken()).contentType("application/json")
                .body(Map.of("members", List.of(transfer))).post("/api/v1/sync/members").then().statusCode(200)
                .body("items[0].outcome", equalTo("UPDATED"));
    }

    @Test
    void anOfficersImportStaysInTheirReachIsAuditedAsTheirsAndKeepsNoPersonalDataInClear() throws Exception {
        String inside = TestData.nationalId();
        String outside = TestData.nationalId();
        String csv = "Họ và tên;Số CCCD;Mã CĐCS;Ngày vào công đoàn\r\n"
                + "Lý Thị Trong;" + inside + ";" + w.unionA.id + ";2024-02-01\r\n"
                + "Lý Văn Ngoài;" + outside + ";" + w.unionB.id + ";2024-02-01\r\n"
                + "Trần Thị B;" + w.memberB.nationalId + ";" + w.unionA.id + ";2021-01-01\r\n";
        long job = w.as(w.officerA).contentType("text/csv").header("User-Agent", "importer/1.0")
                .body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/imports").then().statusCode(202)
                .body("createdBy", equalTo(w.officerAName)).extract().jsonPath().getLong("id");
        JsonPath done = awaitImport(job);
        assertEquals("DONE", done.getString("status"));
        assertEquals(1, done.getInt("created"));
        assertEquals(2, done.getInt("rejected"));
        assertEquals(0, count("select count(*) from member where national_id_hash = ?1", PersonalData.hash(outside)));
        assertEquals(w.unionB.id, ((Number) rows("select grassroots_union_id from member where id = ?1",
                w.memberB.id).get(0)).longValue());

        long created = ((Number) rows("select id from member where national_id_hash = ?1",
                PersonalData.hash(inside)).get(0)).longValue();
        w.as(TestAuthentication.adminToken()).get("/api/v1/audit?entityType=Member&entityId=" + created).then()
                .statusCode(200).body("totalItems", equalTo(1))
                .body("items[0].actor", equalTo(w.officerAName))
                .body("items[0].actorRole", equalTo("OFFICER"))
                .body("items[0].userAgent", equalTo("importer/1.0"))
                .body("items[0].changes.nationalId.to", equalTo("********" + inside.substring(8)));

        // the file is gone once the job ended; rejected rows are stored encrypted, downloaded in clear
        assertEquals(0L, count("select count(*) from import_file_part where job_id = ?1", job));
        @SuppressWarnings("unchecked")
        List<String> stored = (List<String>) rows("select raw_line from import_rejected_row where job_id = ?1 "
                + "order by row_no", job);
        assertEquals(2, stored.size());
        stored.forEach(line -> {
            assertTrue(line.startsWith("e1:"), line);
            assertFalse(line.contains(outside) || line.contains(w.memberB.nationalId), line);
        });
        String download = w.as(w.officerA).get("/api/v1/imports/" + job + "/rejected").then().statusCode(200)
                .extract().asString();
        String[] lines = download.replace("\uFEFF", "").split("\r\n");
        assertEquals(3, lines.length);
        assertTrue(lines[1].startsWith("3,") && lines[1].contains("outside your reach") && lines[1].contains(outside),
                lines[1]);
        assertTrue(lines[2].startsWith("4,") && lines[2].contains("a member of a grassroots union outside your reach")
                && !lines[2].contains("member " + w.memberB.id), lines[2]);
        assertEquals(0, count("select count(*) from audit_entry where changes like ?1", "%" + inside + "%"));
    }

    @Test
    void aStoredFileIsEncryptedWithAFreshIvAndOpensAgain() {
        byte[] file = ("Họ và tên;Số CCCD\r\nLý Thị Trong;" + TestData.nationalId() + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] sealed = PersonalData.sealFile(file);
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("CCCD"));
        assertNotEquals(new String(sealed, StandardCharsets.ISO_8859_1),
                new String(PersonalData.sealFile(file), StandardCharsets.ISO_8859_1));
        assertEquals(new String(file, StandardCharsets.UTF_8),
                new String(PersonalData.openFile(sealed), StandardCharsets.UTF_8));
        // a file stored before encryption opens as it is
        assertEquals(new String(file, StandardCharsets.UTF_8),
                new String(PersonalData.openFile(file), StandardCharsets.UTF_8));
    }

    @Test
    void idempotencyKeysBelongToTheCaller() {
        String key = TestData.unique("shared-key");
        Map<String, Object> first = item("Phan Văn Một", TestData.nationalId(), w.unionA.id);
        Map<String, Object> second = item("Phan Văn Hai", TestData.nationalId(), w.unionA.id);
        int a = w.as(TestAuthentication.adminToken()).contentType("application/json").header("Idempotency-Key", key)
                .body(first).post("/api/v1/members").then().statusCode(201).extract().path("id");
        // another caller with the same key: their own request runs, neither replaying nor refused as a reuse
        int b = w.as(w.officerA).contentType("application/json").header("Idempotency-Key", key)
                .body(second).post("/api/v1/members").then().statusCode(201)
                .header("Idempotent-Replayed", (String) null).extract().path("id");
        assertNotEquals(a, b);
        // each caller's retry replays their own answer
        w.as(TestAuthentication.adminToken()).contentType("application/json").header("Idempotency-Key", key)
                .body(first).post("/api/v1/members").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(a));
        w.as(w.officerA).contentType("application/json").header("Idempotency-Key", key)
                .body(second).post("/api/v1/members").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(b));
        w.as(w.officerA).contentType("application/json").header("Idempotency-Key", key)
                .body(first).post("/api/v1/members").then().statusCode(422);
        assertEquals(2, count("select count(*) from idempotency_record where idem_key like ?1", "%\n" + key));
    }
}
