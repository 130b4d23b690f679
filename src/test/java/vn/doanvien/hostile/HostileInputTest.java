package vn.doanvien.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vn.doanvien.TestData;
import vn.doanvien.contract.Contract;
import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.member.Member;
import vn.doanvien.organisation.Unit;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A table of nasty inputs for every write endpoint: each case must be answered with a 4xx problem+json (the
 * expected status where there is only one right answer) and leave every table as it was; none may be a 500.
 * Cases are built from a valid body of each endpoint, one defect at a time, plus hostile path parameters. Each
 * defect is applied once per endpoint (to the first field it fits), and of those each endpoint keeps a core set
 * (a date-time for a date, a lone surrogate, an unknown enum constant) and a twelfth of the others, by turns, so
 * that every defect is tried on about two endpoints and the class runs in about a minute.
 */
@QuarkusTest
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final int MAX_BODY = 2 * 1024 * 1024;

    @Inject
    TestData data;
    @Inject
    DbSnapshot db;

    /** One write endpoint with a valid body and the fields holding enum constants. */
    record Endpoint(String method, String path, Map<String, Object> body, Set<String> enumFields,
                    boolean emptyBodyInvalid) {
    }

    /** One hostile request and the statuses that are right for it (empty: any 4xx). */
    record Case(String name, String method, String path, byte[] body, String contentType, String accept,
                Set<Integer> expected) {
    }

    @TestFactory
    Stream<DynamicTest> everyWriteEndpointRejectsHostileInputAndChangesNothing() {
        List<Case> cases = new ArrayList<>();
        List<Endpoint> endpoints = endpoints();
        for (int i = 0; i < endpoints.size(); i++) {
            cases.addAll(selected(bodyCases(endpoints.get(i)), i));
        }
        cases.addAll(pathCases());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private void check(Case c) {
        Map<String, Long> before = db.take();
        RequestSpecification req = Contract.invalidRequest().contentType(c.contentType());
        if (c.accept() != null) {
            req = req.accept(c.accept());
        }
        if (c.body() != null) {
            req = req.body(c.body());
        }
        Response r = req.request(c.method(), c.path());
        int status = r.statusCode();
        String body = r.asString();
        if (status < 400 || status >= 500) {
            fail(c.name() + ": expected a 4xx, got " + status + " " + abbreviate(body));
        }
        if (!c.expected().isEmpty()) {
            assertTrue(c.expected().contains(status), c.name() + ": expected " + c.expected() + ", got " + status
                    + " " + abbreviate(body));
        }
        assertTrue(r.contentType().startsWith("application/problem+json"), c.name() + ": content type "
                + r.contentType());
        assertEquals(status, r.jsonPath().getInt("status"), c.name() + ": problem status");
        assertTrue(r.jsonPath().getString("title") != null && !r.jsonPath().getString("title").isBlank(),
                c.name() + ": problem title");
        assertEquals(before, db.take(), c.name() + ": the database changed");
    }

    // ---- the endpoints, with a valid body each --------------------------------------------------------------

    private Fixture fixture;

    record Fixture(long confederation, long province, long upper, long enterprise, long union, long union2,
                   long member, long target, long official, long course, long enrolment) {
    }

    private Fixture fixture() {
        if (fixture == null) {
            Unit[] chain = data.chain();
            long enterprise = data.enterprise(chain[2].id, 100).id;
            GrassrootsUnion union = data.grassrootsUnion(chain[2].id, enterprise, LocalDate.of(2021, 1, 1));
            GrassrootsUnion union2 = data.grassrootsUnion(chain[2].id, null, LocalDate.of(2021, 1, 1));
            Member member = data.member(union.id, "Nguyễn Văn Hostile", LocalDate.of(2021, 6, 1));
            long target = Contract.invalidRequest().contentType("application/json")
                    .body(Map.of("name", "Mục tiêu " + TestData.unique("T"), "scopeUnitId", chain[1].id,
                            "metric", "ACTIVE_MEMBERS", "targetValue", 1000, "baselineDate", "2023-12-31",
                            "deadline", "2028-12-31"))
                    .post("/api/v1/targets").then().statusCode(201).extract().jsonPath().getLong("id");
            Map<String, Object> official = new LinkedHashMap<>();
            official.put("fullName", "Trần Thị Cán Bộ");
            official.put("grassrootsUnionId", union.id);
            official.put("post", "CHAIR");
            official.put("employment", "PART_TIME");
            official.put("termStart", "2021-01-01");
            long officialId = Contract.invalidRequest().contentType("application/json").body(official)
                    .post("/api/v1/officials").then().statusCode(201).extract().jsonPath().getLong("id");
            long course = Contract.invalidRequest().contentType("application/json").body(course(chain[1].id))
                    .post("/api/v1/training-courses").then().statusCode(201).extract().jsonPath().getLong("id");
            long enrolment = Contract.invalidRequest().contentType("application/json")
                    .body(Map.of("officialId", officialId))
                    .post("/api/v1/training-courses/" + course + "/enrolments").then().statusCode(201)
                    .extract().jsonPath().getLong("id");
            fixture = new Fixture(chain[0].id, chain[1].id, chain[2].id, enterprise, union.id, union2.id,
                    member.id, target, officialId, course, enrolment);
        }
        return fixture;
    }

    private static Map<String, Object> course(long organisingUnitId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organisingUnitId", organisingUnitId);
        body.put("title", "Tập huấn nghiệp vụ công đoàn");
        body.put("topic", "UNION_LAW_AND_ORGANISATION");
        body.put("audience", "GRASSROOTS_OFFICIALS");
        body.put("startsOn", "2026-01-05");
        body.put("endsOn", "2026-01-07");
        body.put("place", "Hội trường");
        body.put("capacity", 50);
        body.put("sessions", 3);
        return body;
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private List<Endpoint> endpoints() {
        Fixture f = fixture();
        String units = "/api/v1/units";
        return List.of(
                new Endpoint("POST", units, map("kind", "UPPER_LEVEL_UNION", "category", "INDUSTRIAL_ZONE",
                        "code", "H-" + TestData.unique("U"), "name", "Công đoàn KCN", "parentId", f.province(),
                        "provinceCode", "79", "validFrom", "2021-01-01"), Set.of("kind", "category"), true),
                new Endpoint("PUT", units + "/" + f.upper(), map("code", "H-" + TestData.unique("U"), "name",
                        "Công đoàn KCN", "category", "INDUSTRIAL_ZONE", "provinceCode", "79", "parentId", f.province(),
                        "effectiveOn", "2022-01-01"), Set.of("category"), true),
                new Endpoint("POST", units + "/" + f.upper() + "/dissolution", map("dissolvedOn", "2024-01-01"),
                        Set.of(), true),
                new Endpoint("POST", "/api/v1/enterprises", map("taxCode", TestData.taxCode(), "name", "Công ty",
                        "ownership", "PRIVATE", "industry", "C", "provinceCode", "79", "address", "KCN",
                        "workforce", 100, "workforceAsOf", "2024-01-01", "upperLevelUnitId", f.upper(),
                        "hasIndependentWorkersOrganisation", false), Set.of("ownership"), true),
                new Endpoint("PUT", "/api/v1/enterprises/" + f.enterprise(), map("taxCode", TestData.taxCode(),
                        "name", "Công ty", "ownership", "STATE", "industry", "C", "provinceCode", "79",
                        "workforce", 100, "workforceAsOf", "2024-01-01", "upperLevelUnitId", f.upper()),
                        Set.of("ownership"), true),
                new Endpoint("POST", "/api/v1/grassroots-unions", map("code", TestData.unique("CS"), "name",
                        "CĐCS", "upperLevelUnitId", f.upper(), "enterpriseId", f.enterprise(), "foundedOn",
                        "2022-01-01"), Set.of(), true),
                new Endpoint("PUT", "/api/v1/grassroots-unions/" + f.union(), map("code", TestData.unique("CS"),
                        "name", "CĐCS", "upperLevelUnitId", f.upper(), "enterpriseId", f.enterprise(),
                        "chairMemberId", f.member(), "effectiveOn", "2023-01-01"), Set.of(), true),
                new Endpoint("POST", "/api/v1/grassroots-unions/" + f.union2() + "/dissolution",
                        map("dissolvedOn", "2024-01-01"), Set.of(), true),
                new Endpoint("PUT", "/api/v1/grassroots-unions/" + f.union() + "/member-counts/2025-01",
                        map("members", 10, "joined", 1, "left", 0, "workforce", 20, "note", "ghi chú"), Set.of(),
                        false),
                new Endpoint("POST", "/api/v1/sync/member-counts", map("items", List.of(map("grassrootsUnionId",
                        f.union2(), "month", "2025-02", "members", 5))), Set.of(), true),
                new Endpoint("POST", "/api/v1/members", map("fullName", "Lê Văn Mới", "dateOfBirth", "1990-01-01",
                        "gender", "MALE", "nationality", "VN", "nationalId", TestData.nationalId(), "phone",
                        "0903123456", "email", "a@example.vn", "grassrootsUnionId", f.union(), "joinedOn",
                        "2022-01-01"), Set.of("gender"), true),
                new Endpoint("PUT", "/api/v1/members/" + f.member(), map("fullName", "Nguyễn Văn Hostile",
                        "dateOfBirth", "1990-01-01", "gender", "FEMALE", "nationality", "VN", "nationalId",
                        TestData.nationalId(), "status", "LEFT", "leftOn", "2023-01-01", "leaveReason",
                        "Nghỉ việc"), Set.of("gender", "status"), true),
                new Endpoint("POST", "/api/v1/members/" + f.member() + "/transfers", map("toGrassrootsUnionId",
                        f.union2(), "effectiveOn", "2023-01-01"), Set.of(), true),
                new Endpoint("PUT", "/api/v1/members/" + f.member() + "/classifications/2024",
                        map("classification", "EXCELLENT"), Set.of("classification"), true),
                new Endpoint("POST", "/api/v1/targets", map("name", "Mục tiêu", "reference", "NQ", "scopeUnitId",
                        f.province(), "metric", "ACTIVE_MEMBERS", "targetValue", 5000, "baselineDate",
                        "2023-12-31", "deadline", "2028-12-31"), Set.of("metric"), true),
                new Endpoint("PUT", "/api/v1/targets/" + f.target(), map("name", "Mục tiêu", "targetValue", 2000,
                        "baselineDate", "2023-12-31", "deadline", "2028-12-31"), Set.of(), true),
                new Endpoint("POST", "/api/v1/targets/" + f.target() + "/allocations", map("allocations",
                        List.of(map("unitId", f.upper(), "targetValue", 500))), Set.of(), true),
                new Endpoint("PUT", "/api/v1/units/" + f.province() + "/reported-figures/2025-01", map("members",
                        1000, "grassrootsUnions", 10, "joined", 5, "left", 2, "note", "báo cáo"), Set.of(), false),
                new Endpoint("POST", "/api/v1/officials", map("fullName", "Phạm Văn Cán", "gender", "MALE",
                        "dateOfBirth", "1980-01-01", "grassrootsUnionId", f.union(), "post", "VICE_CHAIR",
                        "employment", "PART_TIME", "termStart", "2022-01-01"),
                        Set.of("gender", "post", "employment"), true),
                new Endpoint("PUT", "/api/v1/officials/" + f.official(), map("fullName", "Trần Thị Cán Bộ",
                        "grassrootsUnionId", f.union(), "post", "CHAIR", "employment", "FULL_TIME", "termStart",
                        "2021-01-01"), Set.of("post", "employment"), true),
                new Endpoint("POST", "/api/v1/officials/" + f.official() + "/end-term", map("termEnd",
                        "2024-01-01"), Set.of(), true),
                new Endpoint("POST", "/api/v1/training-courses", course(f.province()),
                        Set.of("topic", "audience"), true),
                new Endpoint("PUT", "/api/v1/training-courses/" + f.course(), course(f.province()),
                        Set.of("topic", "audience"), true),
                new Endpoint("POST", "/api/v1/training-courses/" + f.course() + "/enrolments",
                        map("officialId", f.official()), Set.of(), true),
                new Endpoint("PUT", "/api/v1/training-courses/" + f.course() + "/enrolments/" + f.enrolment()
                        + "/assignment", map("submitted", true, "grade", 8.5), Set.of(), true),
                new Endpoint("PUT", "/api/v1/training-courses/" + f.course() + "/sessions/1/attendance",
                        map("attendance", List.of(map("officialId", f.official(), "present", true))), Set.of(),
                        true));
    }

    // ---- the defects --------------------------------------------------------------------------------------

    /**
     * Every defect of one endpoint, each applied once (to the first field it fits); {@link #selected} then keeps a
     * representative share so the class runs in about a minute.
     */
    private static List<Case> bodyCases(Endpoint e) {
        List<Case> cases = new ArrayList<>();
        String at = e.method() + " " + e.path() + ": ";
        Set<Integer> bad = Set.of(400);
        String body = json(e.body());
        String first = e.body().keySet().iterator().next();
        // whole body
        cases.add(raw(e, at + "no body", null, bad));
        cases.add(raw(e, at + "empty body", bytes(""), bad));
        cases.add(raw(e, at + "JSON null", bytes("null"), bad));
        cases.add(raw(e, at + "JSON array", bytes("[]"), bad));
        cases.add(raw(e, at + "JSON number", bytes("42"), bad));
        cases.add(raw(e, at + "truncated JSON", bytes(body.substring(0, body.length() / 2)), bad));
        cases.add(raw(e, at + "trailing garbage", bytes(body + " {\"x\":1}"), bad));
        cases.add(raw(e, at + "single quotes", bytes(body.replace('"', '\'')), bad));
        if (e.emptyBodyInvalid()) {
            cases.add(raw(e, at + "all fields missing", bytes("{}"), bad));
        }
        cases.add(with(e, at + "unknown extra field", "isAdmin", true, bad));
        cases.add(raw(e, at + "duplicate key", bytes(body.replaceFirst("\\{", "{\"" + first + "\":"
                + json(e.body().get(first)) + ",")), bad));
        cases.add(raw(e, at + "deeply nested JSON", bytes("{\"" + first + "\":" + "[".repeat(5000) + "]".repeat(5000)
                + "}"), bad));
        if (e.method().equals("POST")) {
            cases.add(raw(e, at + "body over 2 MB", bytes("{\"" + first + "\":\"" + "x".repeat(MAX_BODY + 10)
                    + "\"}"), Set.of(413)));
        }
        cases.add(new Case(at + "text/plain body", e.method(), e.path(), bytes(body), "text/plain", null,
                Set.of(415)));
        cases.add(new Case(at + "Accept XML only", e.method(), e.path(), bytes(body), "application/json",
                "application/xml", Set.of(406)));
        // fields: each defect once, on the first field of its kind
        Set<String> done = new java.util.HashSet<>();
        for (Map.Entry<String, Object> field : e.body().entrySet()) {
            String name = field.getKey();
            Object value = field.getValue();
            if (done.add("object")) {
                cases.add(with(e, at + name + " as an object", name, Map.of("$gt", ""), bad));
            }
            if (value instanceof String s && DATE.matcher(s).matches()) {
                if (done.add("date")) {
                    for (String date : new String[] {"2020-01-01T00:00:00", "0000-00-00", "2099-02-30",
                            "2023-02-29", "99999-01-01", "+99999-01-01", "2020-1-1", "01/02/2020", "", " 2020-01-01"}) {
                        cases.add(with(e, at + name + " = '" + date + "'", name, date, bad));
                    }
                    cases.add(with(e, at + name + " as a number", name, 20200101, bad));
                }
            } else if (value instanceof String s && e.enumFields().contains(name)) {
                if (done.add("enum")) {
                    cases.add(with(e, at + name + " unknown constant", name, "NOT_A_CONSTANT", bad));
                    cases.add(with(e, at + name + " in lower case", name, s.toLowerCase(), bad));
                    cases.add(with(e, at + name + " as an ordinal", name, 0, bad));
                }
            } else if (value instanceof String s) {
                if (done.add("text")) {
                    cases.add(with(e, at + name + " as a number", name, 12345, bad));
                    cases.add(with(e, at + name + " as an array", name, List.of(value), bad));
                    cases.add(with(e, at + name + " as a boolean", name, true, bad));
                    cases.add(with(e, at + name + " with NUL", name, s + "\u0000x", bad));
                    cases.add(invalidUtf8(e, at + name + " with invalid UTF-8", name));
                    cases.add(with(e, at + name + " with an escape sequence", name, "\u001b[31m" + s, bad));
                    cases.add(with(e, at + name + " with a C1 control", name, s + "\u0085", bad));
                    cases.add(loneSurrogate(e, at + name + " with a lone high surrogate", name, s, "\\ud800"));
                    cases.add(loneSurrogate(e, at + name + " with a lone low surrogate", name, s, "\\udc00"));
                    cases.add(with(e, at + name + " of 100 000 characters", name, "x".repeat(100_000), bad));
                }
            } else if (value instanceof Number n) {
                if (done.add("number")) {
                    cases.add(with(e, at + name + " as a string", name, String.valueOf(n), bad));
                    cases.add(with(e, at + name + " negative", name, -1, Set.of()));
                    cases.add(with(e, at + name + " huge", name, new java.math.BigInteger("99999999999999999999999"),
                            Set.of()));
                    cases.add(with(e, at + name + " as a boolean", name, false, bad));
                    cases.add(raw(e, at + name + " 1e400", bytes(replaceValue(e, name, "1e400")), Set.of()));
                    cases.add(raw(e, at + name + " NaN", bytes(replaceValue(e, name, "NaN")), bad));
                    cases.add(with(e, at + name + " as Long.MIN_VALUE", name, Long.MIN_VALUE, Set.of()));
                }
                if ((n instanceof Integer || n instanceof Long) && done.add("integer")) {
                    cases.add(with(e, at + name + " as 1.5", name, 1.5, bad));
                }
            } else if (value instanceof Boolean && done.add("boolean")) {
                cases.add(with(e, at + name + " as a string", name, "true", bad));
                cases.add(with(e, at + name + " as a number", name, 1, bad));
            }
        }
        return cases;
    }

    /** The defects that every endpoint gets; the others go to one endpoint in {@link #SHARE} by turns. */
    private static final Pattern ALWAYS = Pattern.compile(".*(= '2020-01-01T00:00:00'|lone high surrogate"
            + "|unknown constant)$");
    private static final int SHARE = 12;

    /** Keeps the defects in {@link #ALWAYS} and every {@link #SHARE}th other one, shifted per endpoint. */
    private static List<Case> selected(List<Case> cases, int endpoint) {
        List<Case> kept = new ArrayList<>();
        int other = 0;
        for (Case c : cases) {
            if (ALWAYS.matcher(c.name()).matches() || (other++ + endpoint) % SHARE == 0) {
                kept.add(c);
            }
        }
        return kept;
    }

    /** A string field ending in an unpaired surrogate, written as a JSON escape so that it reaches the server. */
    private static Case loneSurrogate(Endpoint e, String name, String field, String value, String escape) {
        String quoted = json(value);
        String token = quoted.substring(0, quoted.length() - 1) + escape + "\"";
        return raw(e, name, bytes(replaceValue(e, field, token)), Set.of(400));
    }

    private List<Case> pathCases() {
        Fixture f = fixture();
        List<Case> cases = new ArrayList<>();
        String[] ids = {"abc", "99999999999999999999", "-1", "%27%20OR%201%3D1", "%00"};
        String[] templates = {"PUT /api/v1/units/{}", "POST /api/v1/units/{}/dissolution",
                "PUT /api/v1/enterprises/{}", "DELETE /api/v1/enterprises/{}", "PUT /api/v1/grassroots-unions/{}",
                "PUT /api/v1/members/{}", "DELETE /api/v1/members/{}", "POST /api/v1/members/{}/transfers",
                "PUT /api/v1/targets/{}", "DELETE /api/v1/targets/{}", "POST /api/v1/targets/{}/allocations",
                "PUT /api/v1/officials/{}", "DELETE /api/v1/officials/{}", "DELETE /api/v1/training-courses/{}",
                "POST /api/v1/training-courses/{}/enrolments"};
        // each template with one hostile id, the ids by turns (each id on three templates)
        for (int i = 0; i < templates.length; i++) {
            String[] parts = templates[i].split(" ");
            String id = ids[i % ids.length];
            cases.add(new Case(templates[i] + " with id " + id, parts[0], parts[1].replace("{}", id),
                    bytes("{}"), "application/json", null, Set.of()));
        }
        String[] months = {"2025-13", "0000-00", "99999-01", "2025-1", "abc", "2025-01-01", "%00"};
        for (int i = 0; i < months.length; i++) {
            String month = months[i];
            if (i % 2 == 0) {
                cases.add(new Case("reported figure for month " + month, "PUT", "/api/v1/units/" + f.province()
                        + "/reported-figures/" + month, bytes("{\"members\":1}"), "application/json", null,
                        Set.of()));
            } else {
                cases.add(new Case("member count for month " + month, "PUT", "/api/v1/grassroots-unions/"
                        + f.union() + "/member-counts/" + month, bytes("{\"members\":1}"), "application/json",
                        null, Set.of()));
            }
        }
        for (String year : new String[] {"abcd", "99999", "-1", "0", "1.5", "20245"}) {
            cases.add(new Case("classification for year " + year, "PUT", "/api/v1/members/" + f.member()
                    + "/classifications/" + year, bytes("{\"classification\":\"EXCELLENT\"}"), "application/json",
                    null, Set.of()));
        }
        for (String session : new String[] {"0", "-1", "999", "abc"}) {
            cases.add(new Case("attendance for session " + session, "PUT", "/api/v1/training-courses/" + f.course()
                    + "/sessions/" + session + "/attendance", bytes("{\"attendance\":[]}"), "application/json",
                    null, Set.of()));
        }
        return cases;
    }

    private static Case with(Endpoint e, String name, String field, Object value, Set<Integer> expected) {
        Map<String, Object> body = new LinkedHashMap<>(e.body());
        body.put(field, value);
        return raw(e, name, bytes(json(body)), expected);
    }

    private static Case raw(Endpoint e, String name, byte[] body, Set<Integer> expected) {
        return new Case(name, e.method(), e.path(), body, "application/json", null, expected);
    }

    /** The body with the field's value replaced by a raw JSON token. */
    private static String replaceValue(Endpoint e, String field, String token) {
        Map<String, Object> body = new LinkedHashMap<>(e.body());
        body.put(field, "@@TOKEN@@");
        return json(body).replace("\"@@TOKEN@@\"", token);
    }

    /** A string field holding bytes that are not UTF-8 (a lead byte without its continuation). */
    private static Case invalidUtf8(Endpoint e, String name, String field) {
        String marked = replaceValue(e, field, "\"@@BYTES@@\"");
        int at = marked.indexOf("@@BYTES@@");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(marked.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(new byte[] {'a', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, 'b'});
        out.writeBytes(marked.substring(at + "@@BYTES@@".length()).getBytes(StandardCharsets.UTF_8));
        return raw(e, name, out.toByteArray(), Set.of(400));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
