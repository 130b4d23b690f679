package vn.doanvien.training;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static vn.doanvien.training.TrainingApi.createOfficial;
import static vn.doanvien.training.TrainingApi.official;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;
import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.member.Member;
import vn.doanvien.organisation.Unit;

@QuarkusTest
class OfficialResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    TestData data;

    @Test
    void createsAnOfficialLinkedToAMemberAndReadsItBack() {
        Unit[] chain = data.chain();
        GrassrootsUnion gu = data.grassrootsUnion(chain[2].id, null, LocalDate.of(2020, 1, 1));
        Member m = data.member(gu.id, "Nguyễn Thị Hoa", LocalDate.of(2020, 2, 1));
        Map<String, Object> body = official(null, null, gu.id, "CHAIR", "PART_TIME", "2023-07-15", "2028-07-15");
        body.put("memberId", m.id);
        body.put("gender", "FEMALE");

        var created = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/officials")
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("fullName", equalTo("Nguyễn Thị Hoa"))
                .body("memberId", equalTo(m.id.intValue()))
                .body("grassrootsUnionId", equalTo(gu.id.intValue()))
                .body("unitId", nullValue())
                .body("post", equalTo("CHAIR"))
                .body("employment", equalTo("PART_TIME"))
                .body("termStart", equalTo("2023-07-15"))
                .body("termEnd", equalTo("2028-07-15"))
                .body("activeToday", equalTo(true))
                .extract();
        long id = created.jsonPath().getLong("id");
        org.hamcrest.MatcherAssert.assertThat(created.header("Location"), endsWith("/api/v1/officials/" + id));

        given().when().get("/api/v1/officials/" + id)
                .then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("id", equalTo((int) id))
                .body("fullName", equalTo("Nguyễn Thị Hoa"))
                .body("gender", equalTo("FEMALE"))
                .body("memberId", equalTo(m.id.intValue()))
                .body("post", equalTo("CHAIR"))
                .body("version", equalTo(0));
    }

    @Test
    void validationErrorsNameTheFields() {
        Unit[] chain = data.chain();
        GrassrootsUnion gu = data.grassrootsUnion(chain[2].id, null, LocalDate.of(2020, 1, 1));

        given().contentType(ContentType.JSON).body(Map.of("fullName", "Trần Văn Bình"))
                .when().post("/api/v1/officials")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("post", "employment", "termStart"));

        given().contentType(ContentType.JSON)
                .body(official("Trần Văn Bình", null, null, "STAFF", "FULL_TIME", "2024-01-01", null))
                .when().post("/api/v1/officials")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("unitId"));

        given().contentType(ContentType.JSON)
                .body(official("Trần Văn Bình", chain[1].id, gu.id, "STAFF", "FULL_TIME", "2024-01-01", null))
                .when().post("/api/v1/officials")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("grassrootsUnionId"));

        given().contentType(ContentType.JSON)
                .body(official("Trần Văn Bình", 987654321L, null, "STAFF", "FULL_TIME", "2024-01-01", null))
                .when().post("/api/v1/officials")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("unitId"));

        given().contentType(ContentType.JSON)
                .body(official("Trần Văn Bình", null, 987654321L, "STAFF", "FULL_TIME", "2024-01-01", null))
                .when().post("/api/v1/officials")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("grassrootsUnionId"));

        Map<String, Object> unknownMember = official(null, chain[1].id, null, "STAFF", "FULL_TIME", "2024-01-01", null);
        unknownMember.put("memberId", 987654321L);
        given().contentType(ContentType.JSON).body(unknownMember)
                .when().post("/api/v1/officials")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("memberId"));

        given().contentType(ContentType.JSON)
                .body(official(" ", chain[1].id, null, "STAFF", "FULL_TIME", "2024-01-01", null))
                .when().post("/api/v1/officials")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("fullName"));

        given().contentType(ContentType.JSON)
                .body(official("Trần Văn Bình", chain[1].id, null, "STAFF", "FULL_TIME", "2024-01-01", "2024-01-01"))
                .when().post("/api/v1/officials")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("termEnd"));

        given().contentType(ContentType.JSON)
                .body(official("Trần Văn Bình", chain[1].id, null, "STAFF", "FULL_TIME",
                        LocalDate.now().plusDays(3).toString(), null))
                .when().post("/api/v1/officials")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("termStart"));

        given().contentType(ContentType.JSON)
                .body(official("Trần Văn Bình", chain[1].id, null, "BOSS", "FULL_TIME", "2024-01-01", null))
                .when().post("/api/v1/officials")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("post"));

        Map<String, Object> extra = official("Trần Văn Bình", chain[1].id, null, "STAFF", "FULL_TIME", "2024-01-01", null);
        extra.put("salary", 1);
        given().contentType(ContentType.JSON).body(extra)
                .when().post("/api/v1/officials")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("salary"));

        given().when().get("/api/v1/officials?unitId=" + chain[1].id)
                .then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void oneChairPerPlaceAtATime() {
        Unit[] chain = data.chain();
        GrassrootsUnion gu = data.grassrootsUnion(chain[2].id, null, LocalDate.of(2020, 1, 1));
        long first = createOfficial(official("Lê Văn Chính", null, gu.id, "CHAIR", "PART_TIME", "2021-01-01", null));

        given().contentType(ContentType.JSON)
                .body(official("Phạm Thị Dung", null, gu.id, "CHAIR", "PART_TIME", "2023-05-01", null))
                .when().post("/api/v1/officials")
                .then().statusCode(409).contentType(PROBLEM)
                .body("existingId", equalTo((int) first))
                .body("errors.field", containsInAnyOrder("post"));

        // A chair whose term ended before the new one starts does not collide.
        given().contentType(ContentType.JSON)
                .body(official("Phạm Thị Dung", null, gu.id, "CHAIR", "PART_TIME", "2018-01-01", "2021-01-01"))
                .when().post("/api/v1/officials")
                .then().statusCode(201);
        // Other posts are many.
        createOfficial(official("Phạm Thị Dung", null, gu.id, "VICE_CHAIR", "PART_TIME", "2023-05-01", null));
        // The same rule holds for units.
        long unitChair = createOfficial(official("Hoàng Văn Em", chain[2].id, null, "CHAIR", "FULL_TIME",
                "2022-01-01", null));
        given().contentType(ContentType.JSON)
                .body(official("Vũ Văn Phúc", chain[2].id, null, "CHAIR", "FULL_TIME", "2024-01-01", null))
                .when().post("/api/v1/officials")
                .then().statusCode(409).contentType(PROBLEM).body("existingId", equalTo((int) unitChair));

        // Ending the first chair's term makes room for a successor from that date.
        given().contentType(ContentType.JSON).body(Map.of("termEnd", "2023-05-01"))
                .when().post("/api/v1/officials/" + first + "/end-term")
                .then().statusCode(200).body("termEnd", equalTo("2023-05-01")).body("activeToday", equalTo(false))
                .header("ETag", "\"1\"");
        long second = createOfficial(official("Phạm Thị Dung", null, gu.id, "CHAIR", "PART_TIME", "2023-05-01", null));

        // A PUT that turns someone else into an overlapping chair is refused too.
        long vice = createOfficial(official("Đỗ Văn Giang", null, gu.id, "VICE_CHAIR", "PART_TIME", "2024-01-01", null));
        given().contentType(ContentType.JSON)
                .body(official("Đỗ Văn Giang", null, gu.id, "CHAIR", "PART_TIME", "2024-01-01", null))
                .when().put("/api/v1/officials/" + vice)
                .then().statusCode(409).contentType(PROBLEM).body("existingId", equalTo((int) second));
        given().when().get("/api/v1/officials/" + vice).then().statusCode(200).body("post", equalTo("VICE_CHAIR"));

        given().when().get("/api/v1/officials?grassrootsUnionId=" + gu.id + "&post=CHAIR&activeOn=" + TrainingApi.today())
                .then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].id", equalTo((int) second));
    }

    @Test
    void updatesWithIfMatchAndEndsTerms() {
        Unit[] chain = data.chain();
        long id = createOfficial(official("Ngô Thị Hạnh", chain[1].id, null, "STAFF", "PART_TIME", "2022-03-01", null));
        Map<String, Object> body = official("Ngô Thị Hạnh", chain[1].id, null, "VICE_CHAIR", "FULL_TIME",
                "2022-03-01", null);

        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(body)
                .when().put("/api/v1/officials/" + id)
                .then().statusCode(412).contentType(PROBLEM);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .when().put("/api/v1/officials/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("post", equalTo("VICE_CHAIR")).body("employment", equalTo("FULL_TIME"));
        given().when().get("/api/v1/officials/" + id)
                .then().statusCode(200).body("post", equalTo("VICE_CHAIR")).body("employment", equalTo("FULL_TIME"))
                .body("version", equalTo(1));

        given().contentType(ContentType.JSON).body(Map.of("termEnd", "2021-01-01"))
                .when().post("/api/v1/officials/" + id + "/end-term")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", containsInAnyOrder("termEnd"));
        given().contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/officials/" + id + "/end-term")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", containsInAnyOrder("termEnd"));
        given().contentType(ContentType.JSON).body(Map.of("termEnd", "2024-06-30"))
                .when().post("/api/v1/officials/" + id + "/end-term")
                .then().statusCode(200).body("termEnd", equalTo("2024-06-30"));
        given().contentType(ContentType.JSON).body(Map.of("termEnd", "2024-07-30"))
                .when().post("/api/v1/officials/" + id + "/end-term")
                .then().statusCode(409).contentType(PROBLEM);
        given().when().get("/api/v1/officials/" + id).then().body("termEnd", equalTo("2024-06-30"));

        given().contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/officials/987654321")
                .then().statusCode(404).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(Map.of("termEnd", "2024-07-30"))
                .when().post("/api/v1/officials/987654321/end-term")
                .then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/officials/987654321").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void listsFiltersAndSearches() {
        Unit[] chain = data.chain();
        Unit province = chain[1];
        Unit upper = chain[2];
        GrassrootsUnion gu = data.grassrootsUnion(upper.id, null, LocalDate.of(2020, 1, 1));
        String tag = TestData.unique("Q").replace("-", "");
        long atProvince = createOfficial(official("Đặng Văn Khoa " + tag, province.id, null, "VICE_CHAIR",
                "FULL_TIME", "2020-01-01", null));
        long atUpper = createOfficial(official("Bùi Thị Lan " + tag, upper.id, null, "STAFF", "FULL_TIME",
                "2020-01-01", "2023-01-01"));
        long atGrassroots = createOfficial(official("Đinh Văn Minh " + tag, null, gu.id, "CHAIR", "PART_TIME",
                "2021-01-01", null));

        given().when().get("/api/v1/officials?unitId=" + province.id)
                .then().statusCode(200).body("items.id", containsInAnyOrder((int) atProvince));
        given().when().get("/api/v1/officials?unitId=" + province.id + "&subtree=true&sort=-termStart")
                .then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.id", org.hamcrest.Matchers.contains((int) atGrassroots, (int) atProvince, (int) atUpper));
        given().when().get("/api/v1/officials?unitId=" + upper.id + "&subtree=true&employment=PART_TIME")
                .then().statusCode(200).body("items.id", containsInAnyOrder((int) atGrassroots));
        given().when().get("/api/v1/officials?unitId=" + province.id + "&subtree=true&activeOn=2022-06-01&post=STAFF")
                .then().statusCode(200).body("items.id", containsInAnyOrder((int) atUpper));
        given().when().get("/api/v1/officials?unitId=" + province.id + "&subtree=true&activeOn=2023-06-01")
                .then().statusCode(200).body("items.id", not(hasItem((int) atUpper)));
        given().when().get("/api/v1/officials?q=dang van khoa " + tag)
                .then().statusCode(200).body("items.id", containsInAnyOrder((int) atProvince));
        given().when().get("/api/v1/officials?q=ĐẶNG Văn KHOA " + tag)
                .then().statusCode(200).body("items.id", containsInAnyOrder((int) atProvince));
        given().when().get("/api/v1/officials?q=" + tag + "&sort=fullName&size=2")
                .then().statusCode(200)
                .body("totalItems", equalTo(3)).body("totalPages", equalTo(2)).body("size", equalTo(2))
                // Sorted by the stored name: "Bùi..." before "Đinh..." (code-point order, the same on both databases).
                .body("items.id", org.hamcrest.Matchers.contains((int) atUpper, (int) atGrassroots));

        given().when().get("/api/v1/officials?activeOn=2024-13-01")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", containsInAnyOrder("activeOn"));
        given().when().get("/api/v1/officials?post=BOSS&employment=SOMETIMES")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", containsInAnyOrder("post"));
        given().when().get("/api/v1/officials?subtree=true")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", containsInAnyOrder("subtree"));
        given().when().get("/api/v1/officials?subtree=maybe")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", containsInAnyOrder("subtree"));
        given().when().get("/api/v1/officials?unitId=abc")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", containsInAnyOrder("unitId"));
        given().when().get("/api/v1/officials?sort=salary&size=0")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", containsInAnyOrder("size", "sort"));
    }

    @Test
    void deletesOnlyOfficialsWithoutEnrolments() {
        Unit[] chain = data.chain();
        long spare = createOfficial(official("Lý Văn Nam", chain[1].id, null, "STAFF", "PART_TIME", "2022-01-01", null));
        given().when().delete("/api/v1/officials/" + spare).then().statusCode(204);
        given().when().get("/api/v1/officials/" + spare).then().statusCode(404).contentType(PROBLEM);
        given().when().delete("/api/v1/officials/" + spare).then().statusCode(404).contentType(PROBLEM);

        long trainee = createOfficial(official("Mai Thị Oanh", chain[1].id, null, "STAFF", "PART_TIME", "2022-01-01", null));
        long course = TrainingApi.createCourse(chain[1].id, "2024-03-01", "2024-03-02", 2);
        TrainingApi.enrol(course, trainee);
        given().when().delete("/api/v1/officials/" + trainee).then().statusCode(409).contentType(PROBLEM);
        given().when().get("/api/v1/officials/" + trainee).then().statusCode(200);
    }
}
