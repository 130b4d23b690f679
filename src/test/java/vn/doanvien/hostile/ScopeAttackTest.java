package vn.doanvien.hostile;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.doanvien.hostile.AttackRequests.MONTH;
import static vn.doanvien.hostile.AttackRequests.castMap;
import static vn.doanvien.hostile.AttackRequests.encode;
import static vn.doanvien.hostile.AttackRequests.expand;
import static vn.doanvien.hostile.AttackRequests.numericPath;
import static vn.doanvien.hostile.AttackRequests.pathValue;
import static vn.doanvien.hostile.AttackRequests.producesCsv;
import static vn.doanvien.hostile.AttackRequests.resolveFully;
import static vn.doanvien.hostile.AttackRequests.stringIds;
import static vn.doanvien.hostile.AttackRequests.synthesize;
import static vn.doanvien.hostile.AttackRequests.toJson;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;
import vn.doanvien.contract.ContractFilter;
import vn.doanvien.enterprise.Enterprise;
import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.member.Member;
import vn.doanvien.organisation.Unit;
import vn.doanvien.organisation.UnitKind;

/**
 * The scope attack suite of #18, generated from the OpenAPI document: every operation, as every role of province
 * A (an officer, an API key of the province, a member, an analyst, no one), is sent at province B's rows with ids
 * and parameters in many spellings (signs, leading zeros, non-ASCII digits, spaces, blanks, repeats, unrelated
 * names), bodies that name B's rows, and JSON media types in any letter case. Nothing of B may come back (B's rows
 * carry marker words: personal ones no role of A may see, registry ones only the analyst may), and nothing of B
 * may change (B's rows are read back with SQL after each operation). A parameter, path variable or id field the
 * suite does not know fails it: a new endpoint is attacked without anyone writing a test for it.
 */
@QuarkusTest
class ScopeAttackTest {

    private static final AtomicInteger ADDRESS = new AtomicInteger();

    /**
     * The attack's own client: thousands of requests through RestAssured cost a minute of its Groovy per suite
     * (and the JIT compiling it over and over); the JDK's client sends the same bytes. Answers are checked against
     * the document all the same ({@link ContractFilter#checkResponse}).
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** Query parameters that name a row of the tree, and which of B's rows they are pointed at. */
    private static final Map<String, String> ENTITY_PARAMS = Map.ofEntries(
            Map.entry("unitId", "unit"), Map.entry("parentId", "unit"), Map.entry("scopeUnitId", "unit"),
            Map.entry("organisingUnitId", "unit"), Map.entry("upperLevelUnitId", "upper"),
            Map.entry("grassrootsUnionId", "union"), Map.entry("enterpriseId", "enterprise"),
            Map.entry("memberId", "member"), Map.entry("parentTargetId", "target"),
            // a signed chart link's unit: ignored with a token; without one, the signature over it decides
            // (security/SignedChartLinkTest)
            Map.entry("unit", "unit"));

    /** Query parameters that name no row: filters, paging, dates. Anything else fails the suite. */
    private static final Set<String> PLAIN_PARAMS = Set.of("page", "size", "sort", "q", "status", "asOf", "from",
            "to", "kind", "category", "provinceCode", "industry", "investorCountry", "minWorkforce", "ownership",
            "unionized", "gender", "metric", "topLevel", "post", "employment", "activeOn", "subtree", "topic",
            "audience", "year", "groupBy", "interval", "limit", "since", "fileName", "actor", "entityType",
            "entityId", "format", "dryRun", "sheet", "where",
            // the rest of a signed chart link (see "unit" above)
            "by", "role", "expires", "signature");

    /** Operations anyone may call. */
    private static final Set<String> PUBLIC = Set.of("createToken", "refreshToken", "createJoinRequest",
            "getJoinRequestStatus");

    /** Ways to write a number that Java reads as that number but the API must not. */
    private static final List<String> SPELLINGS = List.of("+%d", "0%d", "%d%%20", "%%20%d", "%%2B%d", "%d.0",
            "%d%%00", "ARABIC", "FULLWIDTH", "-%d");

    /** JSON media types as clients spell them. */
    private static final List<String> JSON_TYPES = List.of("application/json", "Application/JSON",
            "application/json; charset=UTF-8", "APPLICATION/JSON;CHARSET=utf-8");

    @Inject
    vn.doanvien.security.SecurityWorld worlds;

    @Inject
    TestData data;

    @Inject
    EntityManager em;

    @TestHTTPResource("/")
    URI root;

    /** A's callers. */
    private final Map<String, String[]> roles = new LinkedHashMap<>();
    /** B's rows by kind, and the same kinds in A (for "path in A, body in B"). */
    private final Map<String, Object> b = new TreeMap<>();
    private final Map<String, Object> a = new TreeMap<>();
    private String personalMarker;
    private String registryMarker;
    private final List<String> secretsOfB = new ArrayList<>();
    private int requests;

    @Test
    void noRoleOfOneProvinceReadsOrChangesAnotherProvincesRows() {
        vn.doanvien.security.SecurityWorld.World w = worlds.create();
        buildProvinceB(w);
        OpenAPI api = new OpenAPIV3Parser().read("openapi/openapi.yaml", null, resolveFully());
        List<String> failures = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, PathItem> path : new TreeMap<>(api.getPaths()).entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
                operations++;
                String before = fingerprintOfB();
                attack(path.getKey(), op.getKey(), op.getValue(), failures);
                String after = fingerprintOfB();
                if (!before.equals(after)) {
                    failures.add(op.getValue().getOperationId() + ": changed province B's rows\n  before " + before
                            + "\n  after  " + after);
                }
            }
        }
        assertTrue(operations > 80, "only " + operations + " operations in the document");
        assertTrue(requests > 3000, "only " + requests + " requests");
        assertEquals(List.of(), failures, failures.size() + " failures in " + requests + " requests");
    }

    // --- the world of province B -------------------------------------------------------------------------

    private void buildProvinceB(vn.doanvien.security.SecurityWorld.World w) {
        String nonce = Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
        personalMarker = "Persb" + nonce;
        registryMarker = "Regb" + nonce;
        LocalDate from = LocalDate.of(2020, 1, 1);
        Unit provinceB = w.provinceB;
        Unit upperB = w.upperB;
        rename("unit", provinceB.id, registryMarker + " tỉnh");
        rename("unit", upperB.id, registryMarker + " khu công nghiệp");
        rename("enterprise", w.enterpriseB.id, registryMarker + " công ty");
        rename("grassroots_union", w.unionB.id, registryMarker + " CĐCS");
        Member memberB = data.member(w.unionB.id, personalMarker + " Trần Thị", LocalDate.of(2021, 1, 1));
        secretsOfB.add(memberB.nationalId);
        b.put("unit", provinceB.id);
        b.put("upper", upperB.id);
        b.put("enterprise", w.enterpriseB.id);
        b.put("union", w.unionB.id);
        b.put("member", memberB.id);
        a.put("unit", w.provinceA.id);
        a.put("upper", w.upperA.id);
        a.put("enterprise", w.enterpriseA.id);
        a.put("union", w.unionA.id);
        a.put("member", w.memberA.id);

        b.put("official", createdId("/api/v1/officials", Map.of("fullName", personalMarker + " Chủ tịch",
                "grassrootsUnionId", w.unionB.id, "post", "CHAIR", "employment", "PART_TIME", "termStart", "2024-01-01")));
        a.put("official", createdId("/api/v1/officials", Map.of("fullName", "Chủ tịch A",
                "grassrootsUnionId", w.unionA.id, "post", "CHAIR", "employment", "PART_TIME", "termStart", "2024-01-01")));
        Map<String, Object> course = new LinkedHashMap<>();
        course.put("organisingUnitId", provinceB.id);
        course.put("title", personalMarker + " tập huấn");
        course.put("topic", "UNION_LAW_AND_ORGANISATION");
        course.put("startsOn", "2024-05-14");
        course.put("endsOn", "2024-05-16");
        course.put("place", "Hội trường");
        course.put("capacity", 30);
        course.put("sessions", 2);
        b.put("course", createdId("/api/v1/training-courses", course));
        course.put("organisingUnitId", w.provinceA.id);
        course.put("title", "Tập huấn A");
        a.put("course", createdId("/api/v1/training-courses", course));
        b.put("enrolment", createdId("/api/v1/training-courses/" + b.get("course") + "/enrolments",
                Map.of("officialId", b.get("official"))));
        a.put("enrolment", createdId("/api/v1/training-courses/" + a.get("course") + "/enrolments",
                Map.of("officialId", a.get("official"))));
        Map<String, Object> target = new LinkedHashMap<>(Map.of("name", registryMarker + " mục tiêu",
                "scopeUnitId", provinceB.id, "metric", "ACTIVE_MEMBERS", "targetValue", 100,
                "baselineDate", "2023-12-31", "deadline", "2028-12-31"));
        b.put("target", createdId("/api/v1/targets", target));
        target.put("scopeUnitId", w.provinceA.id);
        target.put("name", "Mục tiêu A");
        a.put("target", createdId("/api/v1/targets", target));
        given().contentType("application/json").body(Map.of("members", 100, "note", registryMarker))
                .put("/api/v1/units/" + provinceB.id + "/reported-figures/" + MONTH).then().statusCode(201);
        given().contentType("application/json").body(Map.of("members", 10, "note", registryMarker))
                .put("/api/v1/grassroots-unions/" + w.unionB.id + "/member-counts/" + MONTH).then().statusCode(201);
        // an admin's import into B's union, one row rejected: its rejected rows carry B's personal data
        String nid = TestData.nationalId();
        secretsOfB.add(nid);
        String csv = "Họ và tên,Số CCCD,Ngày vào công đoàn\r\n" + personalMarker + " Nhập,,2021-01-01\r\n"
                + personalMarker + " Hai," + nid + ",2021-02-01\r\n";
        b.put("import", given().contentType("text/csv").queryParam("grassrootsUnionId", w.unionB.id)
                .body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/imports").then().statusCode(202)
                .extract().jsonPath().getLong("id"));
        awaitImport((Long) b.get("import"));
        String joinNid = TestData.nationalId();
        secretsOfB.add(joinNid);
        b.put("reference", vn.doanvien.security.SecurityWorld.World.anonymous().header("X-Forwarded-For", address())
                .contentType("application/json")
                .body(Map.of("fullName", personalMarker + " Xin Vào", "nationalId", joinNid,
                        "employerTaxCode", w.enterpriseB.taxCode))
                .post("/api/v1/join-requests").then().statusCode(201).extract().path("reference"));
        a.put("reference", vn.doanvien.security.SecurityWorld.World.anonymous().header("X-Forwarded-For", address())
                .contentType("application/json")
                .body(Map.of("fullName", "Xin Vào A", "nationalId", TestData.nationalId(),
                        "employerTaxCode", w.enterpriseA.taxCode))
                .post("/api/v1/join-requests").then().statusCode(201).extract().path("reference"));
        b.put("apiKey", createdId("/api/v1/api-keys", Map.of("name", "B's system", "unitId", provinceB.id)));
        a.put("apiKey", b.get("apiKey"));
        a.put("import", b.get("import"));
        String apiKeyOfA = given().contentType("application/json")
                .body(Map.of("name", "A's system", "unitId", w.provinceA.id)).post("/api/v1/api-keys")
                .then().statusCode(201).extract().path("key");

        roles.put("officer", new String[] {"Authorization", "Bearer " + w.officerA});
        roles.put("apiKey", new String[] {"X-API-Key", apiKeyOfA});
        roles.put("member", new String[] {"Authorization", "Bearer " + w.memberUser});
        roles.put("analyst", new String[] {"Authorization", "Bearer " + w.analyst});
        roles.put("anonymous", null);
    }

    private void rename(String table, long id, String name) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update " + table
                + " set name = ?1, search_text = ?2 where id = ?3").setParameter(1, name)
                .setParameter(2, name.toLowerCase(Locale.ROOT)).setParameter(3, id).executeUpdate());
    }

    private static long createdId(String path, Map<String, Object> body) {
        return given().contentType("application/json").body(body).post(path).then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private static void awaitImport(long id) {
        for (int i = 0; i < 200; i++) {
            if (!"RUNNING".equals(given().get("/api/v1/imports/" + id).then().extract().path("status"))) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // --- the attack ---------------------------------------------------------------------------------------

    private void attack(String template, PathItem.HttpMethod method, Operation op, List<String> failures) {
        String id = op.getOperationId();
        List<Parameter> params = op.getParameters() == null ? List.of() : op.getParameters();
        List<String> unknown = new ArrayList<>();
        for (Parameter p : params) {
            if ("query".equals(p.getIn()) && !ENTITY_PARAMS.containsKey(p.getName())
                    && !PLAIN_PARAMS.contains(p.getName())) {
                unknown.add("query parameter " + p.getName());
            }
            if ("path".equals(p.getIn()) && pathValue(template, p.getName(), b) == null) {
                unknown.add("path variable " + p.getName());
            }
        }
        if (!unknown.isEmpty()) {
            failures.add(id + ": no scope rule for " + unknown + " (add it to ScopeAttackTest)");
            return;
        }
        Map<String, Object> body = null;
        String bodyType = null;
        if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
            if (op.getRequestBody().getContent().containsKey("application/json")) {
                Schema<?> schema = op.getRequestBody().getContent().get("application/json").getSchema();
                List<String> fields = new ArrayList<>();
                Object value = synthesize(schema, "body", b, fields);
                if (!fields.isEmpty()) {
                    failures.add(id + ": no scope rule for body fields " + fields + " (add them to ScopeAttackTest)");
                    return;
                }
                body = value instanceof Map<?, ?> m ? castMap(m) : Map.of();
                bodyType = "json";
            } else {
                bodyType = "file";
            }
        }
        List<Parameter> pathParams = params.stream().filter(p -> "path".equals(p.getIn())).toList();
        List<Parameter> entityQuery = params.stream()
                .filter(p -> "query".equals(p.getIn()) && ENTITY_PARAMS.containsKey(p.getName())).toList();
        boolean csv = producesCsv(op);
        for (Map.Entry<String, String[]> role : roles.entrySet()) {
            Caller caller = new Caller(role.getKey(), role.getValue(), id);
            boolean anonymous = role.getValue() == null;
            // 1. B's rows in the path, canonical: refused, except registry reads of the analyst
            String pathB = expand(template, b, null);
            send(caller, method, pathB, Map.of(), body, bodyType, "application/json", null,
                    !pathParams.isEmpty() && !"analyst".equals(role.getKey()) || anonymous && !PUBLIC.contains(id),
                    failures);
            if (anonymous) {
                continue;
            }
            // 2. the same ids spelled as Java would read them: never answered
            for (String spelling : SPELLINGS) {
                if (pathParams.stream().noneMatch(p -> numericPath(p.getName()))) {
                    break;
                }
                send(caller, method, expand(template, b, spelling), Map.of(), body, bodyType, "application/json",
                        null, true, failures);
            }
            // 3. A's rows in the path, B's in the query and the body, the body in every JSON spelling
            String pathA = expand(template, a, null);
            for (String type : bodyType == null ? List.of("application/json") : "json".equals(bodyType)
                    ? JSON_TYPES : List.of("text/csv")) {
                Map<String, String> query = new LinkedHashMap<>();
                entityQuery.forEach(p -> query.put(p.getName(), String.valueOf(b.get(ENTITY_PARAMS.get(p.getName())))));
                send(caller, method, pathA, query, body, bodyType, type, null, false, failures);
            }
            if ("json".equals(bodyType)) {
                // ids as strings, and a body sent as text: refused before anything is read
                send(caller, method, pathA, Map.of(), stringIds(body), bodyType, "application/json", null, true,
                        failures);
                send(caller, method, pathA, Map.of(), body, bodyType, "text/plain", null, true, failures);
            }
            // 4. every scope parameter of a list: B's, blank, spelled, repeated, and unrelated names
            for (Parameter p : entityQuery) {
                String bId = String.valueOf(b.get(ENTITY_PARAMS.get(p.getName())));
                String aId = String.valueOf(a.get(ENTITY_PARAMS.get(p.getName())));
                send(caller, method, pathA, Map.of(p.getName(), bId), body, bodyType, "application/json", null,
                        false, failures);
                if (csv) {
                    send(caller, method, pathA, Map.of(p.getName(), bId), body, bodyType, "application/json",
                            "text/csv", false, failures);
                }
                // empty: the framework reads it as absent, so the caller's own scope applies (no markers of B)
                send(caller, method, pathA, Map.of(p.getName(), ""), body, bodyType, "application/json", null,
                        false, failures);
                for (String bad : List.of(" ", "+" + bId, "0" + bId, bId + " ", "%2B" + bId, "%D9%A1" + bId)) {
                    send(caller, method, pathA, Map.of(p.getName(), bad), body, bodyType, "application/json", null,
                            true, failures);
                }
                send(caller, method, pathA + "?" + p.getName() + "=" + aId + "&" + p.getName() + "=" + bId,
                        Map.of(), body, bodyType, "application/json", null, true, failures);
                send(caller, method, pathA + "?" + p.getName() + "=" + bId + "&" + p.getName() + "=" + aId,
                        Map.of(), body, bodyType, "application/json", null, true, failures);
            }
            if (method == PathItem.HttpMethod.GET) {
                Map<String, String> unrelated = new LinkedHashMap<>();
                unrelated.put("unitID", String.valueOf(b.get("unit")));
                unrelated.put("unit_id", String.valueOf(b.get("unit")));
                unrelated.put("scope", String.valueOf(b.get("unit")));
                send(caller, method, pathA, unrelated, body, bodyType, "application/json", null, false, failures);
                if (csv) {
                    send(caller, method, pathA, Map.of(), body, bodyType, "application/json", "text/csv", false,
                            failures);
                }
            }
        }
    }

    /** One caller of A, named for the failure messages. */
    private record Caller(String role, String[] header, String operation) {
    }

    private void send(Caller caller, PathItem.HttpMethod method, String path, Map<String, String> query,
                      Map<String, Object> body, String bodyType, String contentType, String accept,
                      boolean mustRefuse, List<String> failures) {
        requests++;
        StringBuilder url = new StringBuilder(path);
        for (Map.Entry<String, String> q : query.entrySet()) {
            url.append(url.indexOf("?") < 0 ? '?' : '&').append(q.getKey()).append('=')
                    .append(q.getValue().startsWith("%") ? q.getValue() : encode(q.getValue()));
        }
        // The URL goes out as written (every spelling is ASCII, percent-encoded where it must be).
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(baseUrl() + url)).timeout(Duration.ofSeconds(60))
                .header("X-Forwarded-For", address()).header("Accept", accept == null ? "*/*" : accept);
        if (caller.header() != null) {
            r.header(caller.header()[0], caller.header()[1]);
        }
        byte[] content = null;
        if ("json".equals(bodyType) && body != null) {
            r.header("Content-Type", contentType);
            content = toJson(body).getBytes(StandardCharsets.UTF_8);
        } else if ("file".equals(bodyType)) {
            String csv = "Họ và tên,Số CCCD,Ngày vào công đoàn,Mã CĐCS\r\n" + "Người Tấn Công,"
                    + TestData.nationalId() + ",2021-01-01," + b.get("union") + "\r\n";
            r.header("Content-Type", "text/plain".equals(contentType) ? "text/plain" : "text/csv");
            content = csv.getBytes(StandardCharsets.UTF_8);
        } else if ("text/plain".equals(contentType)) {
            r.header("Content-Type", "text/plain");
            content = "x".getBytes(StandardCharsets.UTF_8);
        }
        r.method(method.name(), content == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(content));
        HttpResponse<byte[]> response;
        try {
            response = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
            // the requests break the document on purpose; the answers are still checked against it
            ContractFilter.checkResponse(method.name(), path.replaceFirst("\\?.*$", ""), response.statusCode(),
                    response.headers().map(), response.body());
        } catch (AssertionError contract) {
            // the answer is not one the OpenAPI document describes
            failures.add(caller.operation() + " as " + caller.role() + ": " + method + " " + url + ": "
                    + contract.getMessage().lines().limit(4).toList());
            return;
        } catch (IOException e) {
            failures.add(caller.operation() + " as " + caller.role() + ": " + method + " " + url + ": " + e);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        int status = response.statusCode();
        String text = new String(response.body(), StandardCharsets.UTF_8);
        String where = caller.operation() + " as " + caller.role() + ": " + method + " " + url
                + (body == null ? "" : " (" + contentType + ")") + " -> " + status;
        if (status >= 500) {
            failures.add(where + " (a 5xx)");
        }
        if (mustRefuse && status < 300) {
            failures.add(where + " (must be refused)");
        }
        if (text.contains(personalMarker) || secretsOfB.stream().anyMatch(text::contains)) {
            failures.add(where + " (answered with B's personal data)");
        }
        if (!"analyst".equals(caller.role()) && text.contains(registryMarker)) {
            failures.add(where + " (answered with B's rows)");
        }
    }

    private String baseUrl() {
        String url = root.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String address() {
        int n = ADDRESS.incrementAndGet();
        return "10." + (90 + n / 65536 % 100) + "." + (n / 256 % 256) + "." + (n % 256);
    }

    // --- what B holds, read back with SQL -------------------------------------------------------------------

    private String fingerprintOfB() {
        long pb = (Long) b.get("unit");
        long ub = (Long) b.get("upper");
        String units = "(" + pb + ", " + ub + ")";
        long union = (Long) b.get("union");
        long member = (Long) b.get("member");
        long official = (Long) b.get("official");
        long course = (Long) b.get("course");
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("unit", "id in " + units + " or id in (select unit_id from unit_link where parent_id in " + units + ")");
        tables.put("unit_link", "unit_id in " + units + " or parent_id in " + units);
        tables.put("enterprise", "upper_level_unit_id in " + units + " or id = " + b.get("enterprise"));
        tables.put("grassroots_union", "upper_level_unit_id in " + units + " or id = " + union);
        tables.put("grassroots_union_link", "grassroots_union_id = " + union + " or unit_id in " + units);
        tables.put("member", "grassroots_union_id = " + union + " or id = " + member);
        tables.put("membership_period", "grassroots_union_id = " + union + " or member_id = " + member);
        tables.put("member_classification", "member_id = " + member);
        tables.put("official", "unit_id in " + units + " or grassroots_union_id = " + union + " or id = " + official);
        tables.put("training_course", "organising_unit_id in " + units + " or id = " + course);
        tables.put("training_enrolment", "course_id = " + course + " or official_id = " + official);
        tables.put("training_attendance", "course_id = " + course);
        tables.put("target", "scope_unit_id in " + units + " or id = " + b.get("target"));
        tables.put("unit_reported_figure", "unit_id in " + units);
        tables.put("grassroots_union_member_count", "grassroots_union_id = " + union);
        tables.put("join_request", "grassroots_union_id = " + union + " or unit_id in " + units);
        tables.put("import_job", "id = " + b.get("import") + " or grassroots_union_id = " + union);
        tables.put("api_key", "id = " + b.get("apiKey") + " or unit_id in " + units);
        StringBuilder out = new StringBuilder();
        QuarkusTransaction.requiringNew().run(() -> tables.forEach((table, where) -> {
            List<?> rows = em.createNativeQuery("select * from " + table + " where " + where + " order by 1")
                    .getResultList();
            out.append(table).append('=').append(rows.size()).append(':')
                    .append(Integer.toHexString(rows.stream().map(r -> r instanceof Object[] arr
                            ? Arrays.deepToString(arr) : String.valueOf(r)).toList().hashCode())).append(' ');
        }));
        return out.toString();
    }
}
