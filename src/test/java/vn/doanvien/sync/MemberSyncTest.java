package vn.doanvien.sync;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.doanvien.sync.SyncApi.PROBLEM;
import static vn.doanvien.sync.SyncApi.SYNC;
import static vn.doanvien.sync.SyncApi.body;
import static vn.doanvien.sync.SyncApi.item;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;
import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.member.Member;
import vn.doanvien.member.MemberStatus;
import vn.doanvien.organisation.Unit;

@QuarkusTest
class MemberSyncTest {

    @Inject
    TestData data;

    @Inject
    SyncFixtures fixtures;

    private Unit[] chain;
    private GrassrootsUnion union;
    private GrassrootsUnion other;

    @BeforeEach
    void setUp() {
        chain = data.chain();
        union = data.grassrootsUnion(chain[2].id, null, java.time.LocalDate.of(2020, 1, 1));
        other = data.grassrootsUnion(chain[2].id, null, java.time.LocalDate.of(2020, 1, 1));
    }

    private static JsonPath sync(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post(SYNC)
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    @Test
    void createsThenLeavesUnchangedThenUpdates() {
        Map<String, Object> a = item(union.id, "Nguyễn Thị Mai");
        Map<String, Object> b = item(union.id, "Trần Văn Hùng");
        JsonPath first = sync(body(null, a, b));
        assertEquals(2, first.getInt("created"));
        assertEquals(List.of("CREATED", "CREATED"), first.getList("items.outcome"));
        long id = first.getLong("items[0].memberId");
        assertEquals(Member.cardNumberOf(id), first.getString("items[0].cardNumber"));

        given().get("/api/v1/members/" + id).then().statusCode(200)
                .body("fullName", equalTo("Nguyễn Thị Mai")).body("status", equalTo("ACTIVE"))
                .body("cardNumber", equalTo(Member.cardNumberOf(id)));
        given().get("/api/v1/members/" + id + "/history").then().statusCode(200)
                .body("grassrootsUnionId", contains(union.id.intValue()));

        JsonPath again = sync(body(null, a, b));
        assertEquals(List.of("UNCHANGED", "UNCHANGED"), again.getList("items.outcome"));
        assertEquals(id, again.getLong("items[0].memberId"));

        a.put("fullName", "Nguyễn Thị Mai Anh");
        a.put("email", "mai@example.vn");
        JsonPath third = sync(body(null, a, b));
        assertEquals(List.of("UPDATED", "UNCHANGED"), third.getList("items.outcome"));
        given().get("/api/v1/members/" + id).then().body("fullName", equalTo("Nguyễn Thị Mai Anh"))
                .body("email", equalTo("mai@example.vn")).body("version", equalTo(1));
        assertEquals(1, fixtures.membersWithNationalId((String) a.get("nationalId")).size());
        assertEquals("", fixtures.figureDifferences(chain, union, other));
    }

    @Test
    void rejectedItemsChangeNothingAndTheOthersCommit() {
        Map<String, Object> good = item(union.id, "Lê Văn Tám");
        Map<String, Object> badId = item(union.id, "Phạm Thị Hoa");
        badId.put("nationalId", "12345");
        Map<String, Object> duplicate = new LinkedHashMap<>(good);
        duplicate.put("fullName", "Lê Văn Tám (bản sao)");
        Map<String, Object> noUnion = item(999_999_999L, "Đỗ Minh Quân");
        Map<String, Object> future = item(union.id, "Võ Thị Sáu");
        future.put("joinedOn", "2099-01-01");
        Map<String, Object> beforeFounding = item(union.id, "Hồ Văn Lực");
        beforeFounding.put("joinedOn", "2019-06-01");
        long before = fixtures.memberCount();

        // Items the document calls invalid, on purpose: the bulk answer rejects them one by one with a 200.
        JsonPath r = vn.doanvien.contract.Contract.invalidRequest().contentType(ContentType.JSON)
                .body(body(null, good, badId, duplicate, noUnion, future, beforeFounding)).post(SYNC)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("CREATED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED"),
                r.getList("items.outcome"));
        assertEquals(1, r.getInt("created"));
        assertEquals(5, r.getInt("rejected"));
        assertEquals(400, r.getInt("items[1].problem.status"));
        assertEquals("nationalId", r.getString("items[1].problem.errors[0].field"));
        assertEquals("https://doanvien.vn/problems/validation", r.getString("items[1].problem.type"));
        assertEquals(409, r.getInt("items[2].problem.status"));
        assertEquals("Conflict", r.getString("items[2].problem.title"));
        org.hamcrest.MatcherAssert.assertThat(r.getString("items[2].problem.detail"), startsWith("Item 0 of this request"));
        assertEquals("grassrootsUnionId", r.getString("items[3].problem.errors[0].field"));
        assertEquals("joinedOn", r.getString("items[4].problem.errors[0].field"));
        assertEquals(409, r.getInt("items[5].problem.status"));

        assertEquals(before + 1, fixtures.memberCount());
        List<Member> stored = fixtures.membersWithNationalId((String) good.get("nationalId"));
        assertEquals(1, stored.size());
        assertEquals("Lê Văn Tám", stored.get(0).fullName);
        assertEquals("", fixtures.figureDifferences(chain, union, other));
    }

    @Test
    void transfersAndDeparturesInThePayload() {
        Map<String, Object> mover = item(union.id, "Nguyễn Văn Chuyển");
        Map<String, Object> leaver = item(union.id, "Trần Thị Nghỉ");
        Map<String, Object> both = item(union.id, "Lê Văn Cả Hai");
        JsonPath created = sync(body(null, mover, leaver, both));
        long moverId = created.getLong("items[0].memberId");
        long leaverId = created.getLong("items[1].memberId");
        long bothId = created.getLong("items[2].memberId");

        mover.put("grassrootsUnionId", other.id);
        Map<String, Object> moverWithoutDate = new LinkedHashMap<>(mover);
        leaver.put("leftOn", "2024-02-01");
        leaver.put("leaveReason", "Nghỉ việc");
        both.put("grassrootsUnionId", other.id);
        both.put("transferredOn", "2023-01-01");
        both.put("leftOn", "2024-06-01");
        both.put("status", "DECEASED");
        // Corrected genders and a date of birth in the same items: the figures by gender and year of birth move
        // the stays as stored before the transfer and the departure (checked by the recount).
        both.put("gender", "MALE");
        mover.put("gender", null);
        leaver.put("dateOfBirth", "1985-12-31");

        JsonPath missingDate = sync(body(null, moverWithoutDate));
        assertEquals("REJECTED", missingDate.getString("items[0].outcome"));
        assertEquals("transferredOn", missingDate.getString("items[0].problem.errors[0].field"));

        mover.put("transferredOn", "2022-05-01");
        JsonPath r = sync(body(null, mover, leaver, both));
        assertEquals(List.of("UPDATED", "UPDATED", "UPDATED"), r.getList("items.outcome"));

        given().get("/api/v1/members/" + moverId).then().body("grassrootsUnionId", equalTo(other.id.intValue()))
                .body("status", equalTo("ACTIVE"));
        given().get("/api/v1/members/" + moverId + "/history").then()
                .body("grassrootsUnionId", contains(union.id.intValue(), other.id.intValue()))
                .body("endReason", contains("TRANSFER", null));
        given().get("/api/v1/members/" + leaverId).then().body("status", equalTo("LEFT"))
                .body("leftOn", equalTo("2024-02-01")).body("leaveReason", equalTo("Nghỉ việc"));
        given().get("/api/v1/members/" + bothId).then().body("status", equalTo("DECEASED"))
                .body("grassrootsUnionId", equalTo(other.id.intValue())).body("gender", equalTo("MALE"));
        assertEquals("", fixtures.figureDifferences(chain, union, other));
        assertEquals(2, fixtures.periodCount(bothId));

        // The same list again: nothing to do, and the departed are not registered anew.
        JsonPath again = sync(body(null, mover, leaver, both));
        assertEquals(List.of("UNCHANGED", "UNCHANGED", "UNCHANGED"), again.getList("items.outcome"));
        assertEquals(1, fixtures.membersWithNationalId((String) leaver.get("nationalId")).size());

        // A departed member sent as active again is a contradiction.
        Map<String, Object> back = new LinkedHashMap<>(leaver);
        back.remove("leftOn");
        back.remove("leaveReason");
        back.put("joinedOn", "2021-03-01");
        JsonPath contradiction = sync(body(null, back));
        assertEquals("REJECTED", contradiction.getString("items[0].outcome"));
        assertEquals(409, contradiction.getInt("items[0].problem.status"));
        assertEquals("", fixtures.figureDifferences(chain, union, other));
    }

    @Test
    void externalIdsAreScopedToTheSendingUnit() {
        Map<String, Object> a = item(union.id, "Phan Văn Ngoại");
        a.put("externalId", "HRM-1");
        JsonPath created = sync(body(chain[2].id, a));
        long id = created.getLong("items[0].memberId");
        assertEquals("HRM-1", created.getString("items[0].externalId"));

        // The sender corrects the national ID: matched on its own id, the papers change.
        a.put("nationalId", TestData.nationalId());
        JsonPath updated = sync(body(chain[2].id, a));
        assertEquals("UPDATED", updated.getString("items[0].outcome"));
        assertEquals(id, updated.getLong("items[0].memberId"));
        given().get("/api/v1/members/" + id).then().body("nationalId", equalTo(a.get("nationalId")));

        Map<String, Object> orphan = item(union.id, "Không Chủ");
        orphan.put("externalId", "HRM-2");
        JsonPath noOwner = sync(body(null, orphan));
        assertEquals("externalId", noOwner.getString("items[0].problem.errors[0].field"));

        // Another sender's HRM-1 is another member.
        Unit otherUpper = data.unit(vn.doanvien.organisation.UnitKind.UPPER_LEVEL_UNION, chain[1].id,
                java.time.LocalDate.of(2020, 1, 1));
        Map<String, Object> b = item(union.id, "Phan Văn Khác");
        b.put("externalId", "HRM-1");
        JsonPath second = sync(body(otherUpper.id, b));
        assertEquals("CREATED", second.getString("items[0].outcome"));
    }

    @Test
    void envelopeErrorsAreProblemsAndWriteNothing() {
        long before = fixtures.memberCount();
        given().contentType(ContentType.JSON).body(Map.of("members", List.of())).post(SYNC)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("members"));
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(item(union.id, "Người " + i));
        }
        given().contentType(ContentType.JSON).body(body(null, many.toArray())).post(SYNC)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("members"))
                .body("detail", org.hamcrest.Matchers.containsString("at most 1000"));
        given().contentType(ContentType.JSON).body(body(987_654_321L, item(union.id, "X Y"))).post(SYNC)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("upperLevelUnitId"));
        given().contentType(ContentType.JSON).body("{\"members\": [").post(SYNC)
                .then().statusCode(400).contentType(PROBLEM);
        assertEquals(before, fixtures.memberCount());
    }

    @Test
    void idempotentRetryReturnsTheFirstAnswer() {
        Map<String, Object> body = body(null, item(union.id, "Đinh Văn Thử"));
        String key = TestData.unique("sync");
        JsonPath first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post(SYNC)
                .then().statusCode(200).extract().jsonPath();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post(SYNC)
                .then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("items[0].outcome", equalTo("CREATED"))
                .body("items[0].memberId", equalTo(first.getInt("items[0].memberId")));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body(null, item(union.id, "Khác"))).post(SYNC)
                .then().statusCode(422).contentType(PROBLEM);
        assertEquals(1, fixtures.membersWithNationalId(
                (String) ((Map<?, ?>) ((List<?>) body.get("members")).get(0)).get("nationalId")).size());
    }

    @Test
    void leavingChairVacatesTheChair() {
        Map<String, Object> chair = item(union.id, "Chủ Tịch");
        long id = sync(body(null, chair)).getLong("items[0].memberId");
        given().contentType(ContentType.JSON).body(Map.of("code", union.code, "name", union.name,
                        "upperLevelUnitId", chain[2].id, "chairMemberId", id))
                .put("/api/v1/grassroots-unions/" + union.id).then().statusCode(200);
        chair.put("leftOn", "2024-01-01");
        sync(body(null, chair));
        given().get("/api/v1/grassroots-unions/" + union.id).then().body("chairMemberId", nullValue());
        given().get("/api/v1/members/" + id).then().body("status", equalTo(MemberStatus.LEFT.name()));
        assertEquals("", fixtures.figureDifferences(chain, union, other));
    }

    @Test
    void aLargeRequestIsWrittenInBulkWithEverythingItNeeds() {
        // Several id blocks, the bulk paths of the insert and of the change feed (COPY on PostgreSQL), and text
        // that COPY has to escape.
        long seqBefore = fixtures.lastSeq();
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Map<String, Object> m = item(i % 2 == 0 ? union.id : other.id, "Thành Viên " + i);
            m.put("externalId", "BULK-" + i);
            m.put("joinedOn", java.time.LocalDate.of(2021, 1, 1).plusDays(i).toString());
            items.add(m);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> odd = (Map<String, Object>) items.get(7);
        odd.put("fullName", "Ngô \\ Văn\tTab");
        odd.put("externalId", "BULK\\7");
        JsonPath r = sync(body(chain[2].id, items.toArray()));
        assertEquals(300, r.getInt("created"));
        List<Long> ids = r.getList("items.memberId", Long.class);
        assertEquals(300, new java.util.HashSet<>(ids).size());
        assertEquals(ids.stream().map(Member::cardNumberOf).toList(), r.getList("items.cardNumber", String.class));

        long oddId = ids.get(7);
        given().get("/api/v1/members/" + oddId).then().statusCode(200)
                .body("fullName", equalTo("Ngô \\ Văn\tTab"))
                .body("nationalId", equalTo(odd.get("nationalId"))).body("phone", equalTo("0903 123 456"))
                .body("grassrootsUnionId", equalTo(other.id.intValue()))
                .body("joinedOn", equalTo("2021-01-08")).body("version", equalTo(0));
        given().get("/api/v1/members/" + oddId + "/history").then().statusCode(200)
                .body("grassrootsUnionId", contains(other.id.intValue()));
        // Stored encrypted the same way as an entity write: an equality query on the national ID finds it.
        assertEquals(List.of(oddId), fixtures.membersWithNationalId((String) odd.get("nationalId")).stream()
                .map(m -> m.id).toList());

        // One CREATED entry per member, numbered without gaps after what was there.
        List<Object[]> changes = fixtures.changesAfter(seqBefore);
        assertEquals(300, changes.size());
        for (int i = 0; i < changes.size(); i++) {
            assertEquals(seqBefore + 1 + i, ((Number) changes.get(i)[0]).longValue());
            assertEquals("MEMBER", changes.get(i)[1]);
            assertEquals("CREATED", changes.get(i)[3]);
        }
        assertEquals(new java.util.HashSet<>(ids), changes.stream().map(c -> ((Number) c[2]).longValue())
                .collect(java.util.stream.Collectors.toSet()));
        assertEquals("", fixtures.figureDifferences(chain, union, other));

        // Sent again: every item found, its externalId (and the rest) as stored, so nothing changes.
        JsonPath again = sync(body(chain[2].id, items.toArray()));
        assertEquals(300, again.getInt("unchanged"));
        assertEquals(ids, again.getList("items.memberId", Long.class));
        assertEquals(seqBefore + 300, fixtures.lastSeq());
    }
}
