package vn.doanvien.member;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static vn.doanvien.member.MemberApi.MEMBERS;
import static vn.doanvien.member.MemberApi.PROBLEM;
import static vn.doanvien.member.MemberApi.create;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;
import vn.doanvien.common.Today;
import vn.doanvien.grassroots.GrassrootsUnion;

@QuarkusTest
class MemberClassificationTest {

    @Inject
    TestData data;

    private long memberId;

    @BeforeEach
    void setUp() {
        GrassrootsUnion union = data.grassrootsUnion(data.chain()[2].id, null, LocalDate.of(2020, 1, 1));
        memberId = create(union.id, "Lương Thị Thu");
    }

    @Test
    void createsAndReplacesClassificationsByYear() {
        given().when().get(MEMBERS + "/" + memberId + "/classifications").then().statusCode(200)
                .body("", empty());
        classify(memberId, "2023", "GOOD").statusCode(200)
                .body("year", equalTo(2023))
                .body("classification", equalTo("GOOD"))
                .body("version", equalTo(0));
        classify(memberId, "2023", "EXCELLENT").statusCode(200)
                .body("classification", equalTo("EXCELLENT"))
                .body("version", equalTo(1));
        classify(memberId, "2021", "AVERAGE").statusCode(200);
        classify(memberId, String.valueOf(Today.date().getYear()), "WEAK").statusCode(200);

        given().when().get(MEMBERS + "/" + memberId + "/classifications").then().statusCode(200)
                .body("year", contains(2021, 2023, Today.date().getYear()))
                .body("classification", contains("AVERAGE", "EXCELLENT", "WEAK"))
                .body("version", contains(0, 1, 0));
    }

    @Test
    void rejectsBadYearsAndValues() {
        classify(memberId, "abc", "GOOD").statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("year"));
        classify(memberId, "2020", "GOOD").statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("year"));
        classify(memberId, String.valueOf(Today.date().getYear() + 1), "GOOD").statusCode(400)
                .contentType(PROBLEM).body("errors.field", contains("year"));
        classify(memberId, "2022", "BRILLIANT").statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("classification"));
        given().contentType(ContentType.JSON).body(Map.of())
                .when().put(MEMBERS + "/" + memberId + "/classifications/2022").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", contains("classification"));
        given().contentType(ContentType.JSON).body(Map.of("classification", "GOOD", "note", "x"))
                .when().put(MEMBERS + "/" + memberId + "/classifications/2022").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", contains("note"));
        classify(987_654_321L, "2022", "GOOD").statusCode(404).contentType(PROBLEM);
        given().when().get(MEMBERS + "/987654321/classifications").then().statusCode(404).contentType(PROBLEM);

        given().when().get(MEMBERS + "/" + memberId + "/classifications").then().statusCode(200)
                .body("", empty());
    }

    private static ValidatableResponse classify(long id, String year, String classification) {
        return given().contentType(ContentType.JSON).body(Map.of("classification", classification))
                .when().put(MEMBERS + "/" + id + "/classifications/" + year).then();
    }
}
