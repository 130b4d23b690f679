package vn.doanvien.organisation;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.doanvien.TestData;

/** Test helpers that go through the API, so the unit rules apply to the data tests build. */
final class UnitApi {

    static final String UNITS = "/api/v1/units";
    static final LocalDate START = LocalDate.of(2020, 1, 1);

    private UnitApi() {
    }

    /**
     * The id of a Confederation active from {@link #START} with no end. Only one may be active at a time, so every
     * test shares it: any open one already in the database (other features' fixtures write some), else a new one.
     */
    static long confederation() {
        List<Map<String, Object>> found = given().queryParam("kind", "CONFEDERATION").queryParam("asOf", START.toString())
                .queryParam("size", 100)
                .get(UNITS).then().statusCode(200).extract().jsonPath().getList("items");
        for (Map<String, Object> c : found) {
            if (c.get("validTo") == null) {
                return ((Number) c.get("id")).longValue();
            }
        }
        return create(body("CONFEDERATION", null, null, LocalDate.of(2000, 1, 1), "Tổng Liên đoàn Lao động Việt Nam"))
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    static Map<String, Object> body(String kind, String category, Long parentId, LocalDate validFrom, String name) {
        Map<String, Object> b = new HashMap<>();
        b.put("kind", kind);
        b.put("category", category);
        b.put("code", TestData.unique(kind.substring(0, 3)));
        b.put("name", name);
        b.put("parentId", parentId);
        b.put("provinceCode", "27");
        b.put("validFrom", validFrom == null ? null : validFrom.toString());
        return b;
    }

    static ValidatableResponse create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post(UNITS).then();
    }

    static long createId(Map<String, Object> body) {
        return create(body).statusCode(201).extract().jsonPath().getLong("id");
    }

    static long province(String name) {
        return createId(body("PROVINCIAL_FEDERATION", null, confederation(), START, name));
    }

    static long upper(long parentId, String category, String name) {
        return createId(body("UPPER_LEVEL_UNION", category, parentId, START, name));
    }

    static ValidatableResponse get(long id, String asOf) {
        var req = given();
        if (asOf != null) {
            req = req.queryParam("asOf", asOf);
        }
        return req.get(UNITS + "/" + id).then();
    }

    /** The PUT body that keeps the unit as it is on today, with another parent from {@code effectiveOn}. */
    static Map<String, Object> moveBody(long id, long newParentId, LocalDate effectiveOn) {
        Map<String, Object> unit = get(id, null).statusCode(200).extract().jsonPath().getMap("");
        Map<String, Object> b = new HashMap<>();
        b.put("code", unit.get("code"));
        b.put("name", unit.get("name"));
        b.put("category", unit.get("category"));
        b.put("provinceCode", unit.get("provinceCode"));
        b.put("parentId", newParentId);
        b.put("effectiveOn", effectiveOn == null ? null : effectiveOn.toString());
        return b;
    }

    static ValidatableResponse put(long id, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).put(UNITS + "/" + id).then();
    }

    static ValidatableResponse dissolve(long id, LocalDate on) {
        return given().contentType(ContentType.JSON).body(Map.of("dissolvedOn", on.toString()))
                .post(UNITS + "/" + id + "/dissolution").then();
    }
}
