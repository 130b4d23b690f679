package vn.doanvien.hostile;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import vn.doanvien.TestData;
import vn.doanvien.common.JsonConfig;
import vn.doanvien.organisation.Unit;

/**
 * Random names (seeded {@link Random}: seed = base + repetition, printed in every message so a failure repeats)
 * through the API: each is stored and read back verbatim (but for leading and trailing whitespace, which the
 * services trim), or refused with a 400 problem that changes nothing; text with a control character or an unpaired
 * surrogate is always refused; never a 500.
 */
@QuarkusTest
class RandomNamesTest {

    private static final long SEED = 20261202L;
    private static final AtomicInteger STORED = new AtomicInteger();
    private static final AtomicInteger REFUSED = new AtomicInteger();
    private static Long union;

    @Inject
    TestData data;
    @Inject
    DbSnapshot db;

    @RepeatedTest(60)
    void randomEnterpriseNamesAreStoredVerbatimOrRefused(RepetitionInfo info) {
        long seed = SEED + info.getCurrentRepetition();
        String name = RandomText.name(new Random(seed));
        String shown = RandomText.escape(name) + " [seed " + seed + "]";
        Map<String, Long> before = db.take();
        Response r = given().contentType(ContentType.JSON)
                .body(Map.of("taxCode", TestData.taxCode(), "name", name, "ownership", "PRIVATE",
                        "industry", "C", "provinceCode", "79"))
                .post("/api/v1/enterprises");
        if (r.statusCode() == 201) {
            STORED.incrementAndGet();
            assertTrue(JsonConfig.textProblem(name) == null, "stored a name with control characters: " + shown);
            long id = r.jsonPath().getLong("id");
            assertEquals(name.trim(), r.jsonPath().getString("name"), "answered verbatim: " + shown);
            assertEquals(name.trim(), given().get("/api/v1/enterprises/{id}", id).jsonPath().getString("name"),
                    "stored verbatim: " + shown);
        } else if (r.statusCode() == 400) {
            REFUSED.incrementAndGet();
            assertTrue(r.contentType().startsWith("application/problem+json"), shown);
            assertEquals(before, db.take(), "a refused name changed nothing: " + shown);
        } else {
            fail("name " + shown + " -> " + r.statusCode() + " " + r.asString());
        }
    }

    @RepeatedTest(30)
    void randomMemberNamesAreStoredVerbatimOrRefused(RepetitionInfo info) {
        if (union == null) {
            Unit[] chain = data.chain();
            union = data.grassrootsUnion(chain[2].id, null, LocalDate.of(2020, 1, 1)).id;
        }
        long seed = SEED + 1_000 + info.getCurrentRepetition();
        String name = RandomText.name(new Random(seed));
        String shown = RandomText.escape(name) + " [seed " + seed + "]";
        Map<String, Long> before = db.take();
        Response r = given().contentType(ContentType.JSON)
                .body(Map.of("fullName", name, "nationality", "VN", "nationalId", TestData.nationalId(),
                        "grassrootsUnionId", union, "joinedOn", "2021-01-01"))
                .post("/api/v1/members");
        if (r.statusCode() == 201) {
            assertTrue(JsonConfig.textProblem(name) == null, "stored a name with control characters: " + shown);
            assertEquals(name.trim(), given().get("/api/v1/members/{id}", r.jsonPath().getLong("id"))
                    .jsonPath().getString("fullName"), "stored verbatim: " + shown);
        } else if (r.statusCode() == 400) {
            assertTrue(r.contentType().startsWith("application/problem+json"), shown);
            assertEquals(before, db.take(), "a refused name changed nothing: " + shown);
        } else {
            fail("name " + shown + " -> " + r.statusCode() + " " + r.asString());
        }
    }

    @AfterAll
    static void bothOutcomesSeen() {
        if (STORED.get() + REFUSED.get() == 60) {
            assertTrue(STORED.get() > 0 && REFUSED.get() > 0,
                    "both outcomes seen: stored " + STORED.get() + ", refused " + REFUSED.get());
        }
    }
}
