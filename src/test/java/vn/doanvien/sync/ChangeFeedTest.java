package vn.doanvien.sync;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.doanvien.sync.SyncApi.CHANGES;
import static vn.doanvien.sync.SyncApi.PROBLEM;
import static vn.doanvien.sync.SyncApi.SYNC;
import static vn.doanvien.sync.SyncApi.body;
import static vn.doanvien.sync.SyncApi.item;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;
import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.organisation.Unit;
import vn.doanvien.organisation.UnitKind;

@QuarkusTest
class ChangeFeedTest {

    private static final LocalDate FOUNDED = LocalDate.of(2020, 1, 1);

    @Inject
    TestData data;

    @Inject
    SyncFixtures fixtures;

    /** A followed change, as "TYPE:id:OPERATION". */
    private record Seen(List<String> changes, String cursor) {
    }

    private static Seen follow(String cursor, String unitFilter) {
        List<String> changes = new ArrayList<>();
        while (true) {
            var req = given().queryParam("limit", 50);
            if (cursor != null) {
                req.queryParam("since", cursor);
            }
            if (unitFilter != null) {
                req.queryParam("unitId", unitFilter);
            }
            JsonPath page = req.get(CHANGES).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> i : items) {
                changes.add(i.get("entityType") + ":" + i.get("entityId") + ":" + i.get("operation"));
            }
            cursor = page.getString("nextCursor");
            if (!page.getBoolean("hasMore")) {
                return new Seen(changes, cursor);
            }
        }
    }

    private static String now(SyncFixtures fixtures) {
        return ChangeFeedService.encode(fixtures.lastSeq());
    }

    @Test
    void everyWritePathReachesTheFeed() {
        Unit[] chain = data.chain();
        Unit otherUpper = data.unit(UnitKind.UPPER_LEVEL_UNION, chain[1].id, FOUNDED);
        Unit otherProvince = data.unit(UnitKind.PROVINCIAL_FEDERATION, chain[0].id, FOUNDED);
        GrassrootsUnion g = data.grassrootsUnion(chain[2].id, null, FOUNDED);
        GrassrootsUnion h = data.grassrootsUnion(chain[2].id, null, FOUNDED);
        String cursor = now(fixtures);

        Map<String, Object> a = item(g.id, "Nguyễn Văn Một");
        Map<String, Object> b = item(g.id, "Trần Thị Hai");
        JsonPath created = given().contentType(ContentType.JSON).body(body(null, a, b)).post(SYNC)
                .then().statusCode(200).extract().jsonPath();
        long idA = created.getLong("items[0].memberId");
        long idB = created.getLong("items[1].memberId");
        // A transfer through the member API, a deletion, a move of a grassroots union and of a unit.
        given().contentType(ContentType.JSON).body(Map.of("toGrassrootsUnionId", h.id, "effectiveOn", "2023-01-01"))
                .post("/api/v1/members/" + idA + "/transfers").then().statusCode(200);
        given().delete("/api/v1/members/" + idB).then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of("code", g.code, "name", g.name,
                        "upperLevelUnitId", otherUpper.id, "effectiveOn", "2024-01-01"))
                .put("/api/v1/grassroots-unions/" + g.id).then().statusCode(200);
        Map<String, Object> unitBody = new LinkedHashMap<>();
        unitBody.put("code", chain[2].code);
        unitBody.put("name", chain[2].name);
        unitBody.put("category", "INDUSTRIAL_ZONE");
        unitBody.put("parentId", otherProvince.id);
        unitBody.put("effectiveOn", "2024-06-01");
        given().contentType(ContentType.JSON).body(unitBody).put("/api/v1/units/" + chain[2].id)
                .then().statusCode(200);

        Seen seen = follow(cursor, null);
        assertEquals(List.of(
                "MEMBER:" + idA + ":CREATED", "MEMBER:" + idB + ":CREATED",
                "MEMBER:" + idA + ":UPDATED",
                "MEMBER:" + idB + ":DELETED",
                "GRASSROOTS_UNION:" + g.id + ":UPDATED",
                "UNIT:" + chain[2].id + ":UPDATED"), seen.changes());

        // Followed to the end: nothing more, and the cursor stays put.
        JsonPath empty = given().queryParam("since", seen.cursor()).get(CHANGES).then().statusCode(200)
                .extract().jsonPath();
        assertTrue(empty.getList("items").isEmpty());
        assertEquals(seen.cursor(), empty.getString("nextCursor"));
        assertFalse(empty.getBoolean("hasMore"));
    }

    @Test
    void aSubtreeSeesItsOwnChangesAndWhatLeavesIt() {
        Unit[] chain = data.chain();
        Unit elsewhere = data.unit(UnitKind.PROVINCIAL_FEDERATION, chain[0].id, FOUNDED);
        Unit elsewhereUpper = data.unit(UnitKind.UPPER_LEVEL_UNION, elsewhere.id, FOUNDED);
        GrassrootsUnion inside = data.grassrootsUnion(chain[2].id, null, FOUNDED);
        GrassrootsUnion outside = data.grassrootsUnion(elsewhereUpper.id, null, FOUNDED);
        String cursor = now(fixtures);

        Map<String, Object> in = item(inside.id, "Trong Cây");
        Map<String, Object> out = item(outside.id, "Ngoài Cây");
        JsonPath r = given().contentType(ContentType.JSON).body(body(null, in, out)).post(SYNC)
                .then().statusCode(200).extract().jsonPath();
        long inId = r.getLong("items[0].memberId");
        long outId = r.getLong("items[1].memberId");
        in.put("grassrootsUnionId", outside.id);
        in.put("transferredOn", "2024-01-01");
        given().contentType(ContentType.JSON).body(body(null, in)).post(SYNC).then().statusCode(200)
                .body("items[0].outcome", equalTo("UPDATED"));

        Seen province = follow(cursor, String.valueOf(chain[1].id));
        assertEquals(List.of("MEMBER:" + inId + ":CREATED", "MEMBER:" + inId + ":UPDATED"), province.changes());
        Seen other = follow(cursor, String.valueOf(elsewhere.id));
        assertEquals(List.of("MEMBER:" + outId + ":CREATED", "MEMBER:" + inId + ":UPDATED"), other.changes());
    }

    @Test
    void badParametersAreProblems() {
        given().queryParam("since", "not-a-cursor").get(CHANGES).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("since"));
        given().queryParam("limit", 0).get(CHANGES).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("limit"));
        given().queryParam("limit", 201).get(CHANGES).then().statusCode(400).contentType(PROBLEM);
        given().queryParam("limit", "x").get(CHANGES).then().statusCode(400).contentType(PROBLEM);
        given().queryParam("unitId", 987_654_321).get(CHANGES).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void parallelMemberCreationInOneUnionNeverFails() throws Exception {
        Unit[] chain = data.chain();
        GrassrootsUnion g = data.grassrootsUnion(chain[2].id, null, FOUNDED);
        int threads = 6;
        int each = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Integer>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                start.await();
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    Map<String, Object> m = item(g.id, "Song Song");
                    // Everyone joins the same new day: every writer creates the same new figure rows.
                    m.put("joinedOn", "2025-02-03");
                    statuses.add(given().contentType(ContentType.JSON).body(m).post("/api/v1/members")
                            .then().extract().statusCode());
                }
                return statuses;
            }));
        }
        start.countDown();
        List<Integer> all = new ArrayList<>();
        for (Future<List<Integer>> f : results) {
            all.addAll(f.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(Collections.nCopies(threads * each, 201), all);
        given().queryParam("grassrootsUnionId", g.id).get("/api/v1/members").then()
                .body("totalItems", equalTo(threads * each));
        assertEquals("", fixtures.figureDifferences(chain, g));
    }

    @Test
    void aFollowerSeesEveryChangeExactlyOnceWhileOthersWrite() throws Exception {
        Unit[] chain = data.chain();
        GrassrootsUnion g = data.grassrootsUnion(chain[2].id, null, FOUNDED);
        String start = now(fixtures);
        long startSeq = fixtures.lastSeq();
        int writers = 4;
        int rounds = 6;
        AtomicBoolean writing = new AtomicBoolean(true);
        Set<Long> createdIds = ConcurrentHashMap.newKeySet();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());

        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        Future<List<Long>> reader = pool.submit(() -> {
            List<Long> seqs = new ArrayList<>();
            String cursor = start;
            while (true) {
                boolean last = !writing.get();
                JsonPath page = given().queryParam("since", cursor).queryParam("limit", 7).get(CHANGES)
                        .then().statusCode(200).extract().jsonPath();
                for (Map<String, Object> i : page.<Map<String, Object>>getList("items")) {
                    seqs.add(ChangeFeedService.decode((String) i.get("cursor")));
                }
                cursor = page.getString("nextCursor");
                if (last && !page.getBoolean("hasMore")) {
                    return seqs;
                }
            }
        });
        List<Future<?>> writes = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            writes.add(pool.submit(() -> {
                for (int r = 0; r < rounds; r++) {
                    Map<String, Object> x = item(g.id, "Viết " + writer + "-" + r);
                    Map<String, Object> y = item(g.id, "Ghi " + writer + "-" + r);
                    var response = given().contentType(ContentType.JSON).body(body(null, x, y)).post(SYNC)
                            .then().extract();
                    if (response.statusCode() != 200) {
                        failures.add(response.statusCode() + " " + response.body().asString());
                        continue;
                    }
                    long id = response.jsonPath().getLong("items[0].memberId");
                    createdIds.add(id);
                    createdIds.add(response.jsonPath().getLong("items[1].memberId"));
                    x.put("phone", "0912 000 00" + r);
                    var update = given().contentType(ContentType.JSON).body(body(null, x)).post(SYNC)
                            .then().extract();
                    if (update.statusCode() != 200) {
                        failures.add(update.statusCode() + " " + update.body().asString());
                    }
                }
            }));
        }
        for (Future<?> f : writes) {
            f.get(300, TimeUnit.SECONDS);
        }
        writing.set(false);
        List<Long> seqs = reader.get(300, TimeUnit.SECONDS);
        pool.shutdown();

        assertEquals(List.of(), failures);
        // Exactly what the log holds after the start, each once, in order.
        List<Object[]> log = fixtures.changesAfter(startSeq);
        List<Long> expected = log.stream().map(row -> ((Number) row[0]).longValue()).toList();
        assertEquals(expected, seqs);
        Map<Long, Integer> createdSeen = new HashMap<>();
        for (Object[] row : log) {
            if ("MEMBER".equals(row[1]) && "CREATED".equals(row[3])) {
                createdSeen.merge(((Number) row[2]).longValue(), 1, Integer::sum);
            }
        }
        assertEquals(createdIds, createdSeen.keySet());
        assertTrue(createdSeen.values().stream().allMatch(n -> n == 1));
        assertEquals(writers * rounds * 2, createdIds.size());
        assertEquals("", fixtures.figureDifferences(chain, g));
    }
}
