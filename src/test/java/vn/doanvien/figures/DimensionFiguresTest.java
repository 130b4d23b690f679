package vn.doanvien.figures;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;
import vn.doanvien.common.Today;
import vn.doanvien.figures.RegistryOracle.Link;
import vn.doanvien.figures.RegistryOracle.Person;
import vn.doanvien.figures.RegistryOracle.Registry;
import vn.doanvien.figures.RegistryOracle.Stay;
import vn.doanvien.organisation.Unit;
import vn.doanvien.organisation.UnitKind;

/**
 * The statistics by every dimension, at the Confederation and a province (which read the maintained figures by
 * dimension) and at an upper-level union (which computes them from its stays), on several days, against an oracle
 * that counts the registry itself: a seeded random registry of members with every kind of record (no gender, no
 * date of birth, 29 February, foreigners), joins, departures, transfers across provinces, a grassroots union moved
 * to another province, an enterprise whose industry and workforce change, and members' records corrected.
 */
@QuarkusTest
class DimensionFiguresTest {

    private static final long SEED = 190619L;
    private static final String STATS = "/api/v1/stats/membership";
    private static final LocalDate FROM = LocalDate.of(2018, 1, 1);

    @Inject
    TestData data;

    @Inject
    EntityManager em;

    @Inject
    FiguresRecount recount;

    private final Random random = new Random(SEED);

    @Test
    void everyDimensionOnEveryDayEqualsACountOfTheRegistry() {
        Unit root = data.unit(UnitKind.CONFEDERATION, null, FROM);
        Unit p1 = data.unit(UnitKind.PROVINCIAL_FEDERATION, root.id, FROM);
        Unit p2 = data.unit(UnitKind.PROVINCIAL_FEDERATION, root.id, FROM);
        setProvince(p1, "01");
        setProvince(p2, "79");
        Unit u11 = data.unit(UnitKind.UPPER_LEVEL_UNION, p1.id, FROM);
        Unit u12 = data.unit(UnitKind.UPPER_LEVEL_UNION, p1.id, FROM);
        Unit u21 = data.unit(UnitKind.UPPER_LEVEL_UNION, p2.id, FROM);
        setProvince(u11, "01");
        setProvince(u21, "79");
        long e1 = enterprise("FOREIGN_INVESTED", "KR", "C", "24", 400, u11.id);
        long e2 = enterprise("STATE", null, "F", "01", 120, u11.id);
        long e3 = enterprise("PRIVATE", null, "G", "79", null, u21.id);
        long e4 = enterprise("FOREIGN_INVESTED", "JP", "C", "79", 2500, u21.id);
        List<Long> unions = new ArrayList<>(List.of(union(u11.id, e1), union(u11.id, e2), union(u12.id, null),
                union(u21.id, e3), union(u21.id, e4), union(u12.id, null)));
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            long g = unions.get(random.nextInt(unions.size()));
            LocalDate joined = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(1800));
            members.add(join(g, joined));
        }
        for (long m : members) {
            Map<String, Object> record = member(m);
            LocalDate joined = LocalDate.parse((String) record.get("joinedOn"));
            int roll = random.nextInt(10);
            if (roll < 2) {
                leave(m, joined.plusDays(30 + random.nextInt(600)));
            } else if (roll < 4) {
                long to = unions.get(random.nextInt(unions.size()));
                if (to != ((Number) record.get("grassrootsUnionId")).longValue()) {
                    transfer(m, to, joined.plusDays(20 + random.nextInt(400)));
                }
            }
        }
        // A union moves to the other province; an enterprise changes industry and workforce; records corrected.
        moveUnion(unions.get(1), u21.id, LocalDate.of(2023, 4, 17));
        changeEnterprise(e1, "J", 900);
        for (int i = 0; i < 5; i++) {
            correct(members.get(random.nextInt(members.size())));
        }
        // Joins, departures, transfers and a union's move in the days that level-3 units keep per day (LevelThree):
        // their statistics for a recent day are sums of their rows, for an older day computed from their stays.
        LocalDate today = Today.date();
        LocalDate recent = LevelThree.dayRowsReadFrom(today);
        int window = (int) java.time.temporal.ChronoUnit.DAYS.between(recent, today);
        for (int i = 0; i < 12; i++) {
            members.add(join(unions.get(random.nextInt(unions.size())), recent.plusDays(random.nextInt(window + 1))));
        }
        int moved = 0;
        for (int i = 0; i < 40 && moved < 6; i++) {
            long m = members.get(random.nextInt(members.size() - 12));
            Map<String, Object> record = member(m);
            if (!"ACTIVE".equals(record.get("status"))) {
                continue;
            }
            LocalDate on = recent.plusDays(random.nextInt(window + 1));
            long to = unions.get(random.nextInt(unions.size()));
            if (moved % 2 == 0) {
                leave(m, on);
                moved++;
            } else if (to != ((Number) record.get("grassrootsUnionId")).longValue()) {
                transfer(m, to, on);
                moved++;
            }
        }
        moveUnion(unions.get(5), u11.id, recent.plusDays(window / 2));
        assertEquals("", recount.differences(), "the maintained figures equal a recount");
        assertTrue(count("select count(*) from unit_dimension_figure where unit_id = " + u11.id
                + " and grain = 'D' and period_start >= '" + recent + "'") > 0, "recent day rows of a level-3 unit");
        assertEquals(0, count("select count(*) from unit_dimension_figure where unit_id = " + u11.id
                + " and grain = 'D' and period_start < '" + LevelThree.dayRowsKeptFrom(today) + "'"),
                "a level-3 unit keeps no older day rows");
        assertTrue(count("select count(*) from unit_dimension_figure where unit_id = " + u11.id
                + " and grain = 'M' and period_start < '2020-01-01'") > 0, "month rows of a level-3 unit");
        assertEquals(0, count("select count(*) from unit_dimension_figure where unit_id = " + u11.id
                + " and dimension like '%AGE_BAND%'"), "a level-3 unit keeps no rows of the age bands");

        RegistryOracle oracle = new RegistryOracle(load());
        // {asOf, from}: older days (level 3 from its stays), then recent ones (level 3 from its rows)
        List<LocalDate[]> days = new ArrayList<>();
        for (LocalDate d : List.of(LocalDate.of(2020, 2, 29), LocalDate.of(2022, 12, 31), LocalDate.of(2023, 4, 17),
                LocalDate.of(2024, 8, 3), today.minusDays(1))) {
            days.add(new LocalDate[] {d, d.minusMonths(7).plusDays(3)});
        }
        days.add(new LocalDate[] {today, recent.plusDays(2)});
        days.add(new LocalDate[] {recent.plusMonths(1).minusDays(1), recent});
        days.add(new LocalDate[] {today, today.withDayOfMonth(1)});
        int compared = 0;
        for (LocalDate[] asOfFrom : days) {
            LocalDate d = asOfFrom[0];
            LocalDate f = asOfFrom[1];
            for (Unit scope : List.of(root, p1, p2, u11, u21)) {
                for (Dimension dim : Dimension.values()) {
                    Map<String, long[]> expected = oracle.expected(scope.id, dim, f, d);
                    Map<String, long[]> actual = actual(scope.id, dim, f, d);
                    assertEquals(render(expected), render(actual), dim + " of unit " + scope.id + " on " + d
                            + " from " + f + " (seed " + SEED + ")");
                    compared += actual.size();
                }
            }
        }
        assertTrue(compared > 500, "only " + compared + " rows compared");
    }

    private static String render(Map<String, long[]> rows) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(rows).forEach((k, v) -> sb.append(k).append('=').append(java.util.Arrays.toString(v))
                .append('\n'));
        return sb.toString();
    }

    /** {value: [members, joined, left, unions (-1 for person dimensions), workforce (-1 likewise)]}. */
    private Map<String, long[]> actual(long unit, Dimension dim, LocalDate f, LocalDate d) {
        List<Map<String, Object>> rows = given().queryParam("unitId", unit).queryParam("groupBy", dim.name())
                .queryParam("asOf", d.toString()).queryParam("from", f.toString()).when().get(STATS)
                .then().statusCode(200).extract().jsonPath().getList("rows");
        Map<String, long[]> out = new HashMap<>();
        for (Map<String, Object> r : rows) {
            out.put((String) r.get("key"), new long[] {n(r.get("activeMembers")), n(r.get("joined")),
                n(r.get("left")), r.get("grassrootsUnions") == null ? -1 : n(r.get("grassrootsUnions")),
                r.get("workforce") == null ? -1 : n(r.get("workforce"))});
        }
        return out;
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }

    // --- the registry read for the oracle (RegistryOracle) ---------------------------------------------------

    @Transactional
    Registry load() {
        List<Stay> stays = new ArrayList<>();
        for (Object[] r : rows("select p.member_id, p.grassroots_union_id, p.start_on, p.end_on, p.end_reason, "
                + "m.joined_on from membership_period p join member m on m.id = p.member_id")) {
            LocalDate start = date(r[2]);
            stays.add(new Stay(n(r[0]), n(r[1]), start, date(r[3]), r[4] == null ? null : r[4].toString(),
                    start.equals(date(r[5]))));
        }
        Map<Long, Person> people = new HashMap<>();
        for (Object[] r : rows("select id, gender, date_of_birth, nationality from member")) {
            people.put(n(r[0]), new Person(r[1] == null ? null : r[1].toString(), date(r[2]),
                    r[3] == null ? null : r[3].toString()));
        }
        List<Link> unitLinks = new ArrayList<>();
        for (Object[] r : rows("select unit_id, parent_id, valid_from, valid_to from unit_link")) {
            unitLinks.add(new Link(n(r[0]), n(r[1]), date(r[2]), date(r[3])));
        }
        List<Link> unionLinks = new ArrayList<>();
        for (Object[] r : rows("select grassroots_union_id, unit_id, valid_from, valid_to from grassroots_union_link")) {
            unionLinks.add(new Link(n(r[0]), n(r[1]), date(r[2]), date(r[3])));
        }
        Map<Long, String[]> workplace = new HashMap<>();
        Map<Long, Integer> workforce = new HashMap<>();
        Map<Long, LocalDate[]> life = new HashMap<>();
        Map<Long, Long> unionUnitNow = new HashMap<>();
        for (Object[] r : rows("select g.id, e.id, e.province_code, e.ownership, e.industry, e.investor_country, "
                + "e.workforce, g.founded_on, g.dissolved_on, g.upper_level_unit_id from grassroots_union g "
                + "left join enterprise e on e.id = g.enterprise_id")) {
            long g = n(r[0]);
            workplace.put(g, r[1] == null ? null : new String[] {s(r[2]), s(r[3]), s(r[4]), s(r[5])});
            if (r[6] != null) {
                workforce.put(g, ((Number) r[6]).intValue());
            }
            life.put(g, new LocalDate[] {date(r[7]), date(r[8])});
            unionUnitNow.put(g, n(r[9]));
        }
        Map<Long, String> unitProvince = new HashMap<>();
        for (Object[] r : rows("select id, province_code from unit")) {
            unitProvince.put(n(r[0]), s(r[1]));
        }
        return new Registry(stays, people, unitLinks, unionLinks, workplace, workforce, life, unitProvince,
                unionUnitNow);
    }

    // --- the registry through the API ------------------------------------------------------------------------

    @Transactional
    void setProvince(Unit unit, String province) {
        em.createNativeQuery("update unit set province_code = :p where id = :u").setParameter("p", province)
                .setParameter("u", unit.id).executeUpdate();
    }

    private long enterprise(String ownership, String country, String industry, String province, Integer workforce,
                            long upper) {
        Map<String, Object> b = new HashMap<>();
        b.put("taxCode", TestData.taxCode());
        b.put("name", TestData.unique("Công ty"));
        b.put("ownership", ownership);
        b.put("investorCountry", country);
        b.put("industry", industry);
        b.put("provinceCode", province);
        b.put("workforce", workforce);
        b.put("workforceAsOf", workforce == null ? null : "2023-12-31");
        b.put("upperLevelUnitId", upper);
        b.put("hasIndependentWorkersOrganisation", false);
        return given().contentType(ContentType.JSON).body(b).when().post("/api/v1/enterprises")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private void changeEnterprise(long id, String industry, int workforce) {
        Map<String, Object> e = given().when().get("/api/v1/enterprises/{id}", id).then().statusCode(200)
                .extract().jsonPath().getMap("");
        Map<String, Object> b = new HashMap<>();
        for (String f : List.of("taxCode", "name", "ownership", "investorCountry", "provinceCode", "address",
                "upperLevelUnitId", "hasIndependentWorkersOrganisation")) {
            b.put(f, e.get(f));
        }
        b.put("industry", industry);
        b.put("workforce", workforce);
        b.put("workforceAsOf", "2025-12-31");
        given().contentType(ContentType.JSON).body(b).when().put("/api/v1/enterprises/{id}", id)
                .then().statusCode(200);
    }

    private long union(long upper, Long enterprise) {
        Map<String, Object> b = new HashMap<>();
        b.put("code", TestData.unique("G"));
        b.put("name", "Công đoàn cơ sở " + TestData.unique("G"));
        b.put("upperLevelUnitId", upper);
        b.put("enterpriseId", enterprise);
        b.put("foundedOn", "2018-06-01");
        return given().contentType(ContentType.JSON).body(b).when().post("/api/v1/grassroots-unions")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private void moveUnion(long union, long upper, LocalDate on) {
        Map<String, Object> g = given().when().get("/api/v1/grassroots-unions/{id}", union).then().statusCode(200)
                .extract().jsonPath().getMap("");
        Map<String, Object> b = new HashMap<>();
        b.put("code", g.get("code"));
        b.put("name", g.get("name"));
        b.put("enterpriseId", g.get("enterpriseId"));
        b.put("upperLevelUnitId", upper);
        b.put("effectiveOn", on.toString());
        given().contentType(ContentType.JSON).body(b).when().put("/api/v1/grassroots-unions/{id}", union)
                .then().statusCode(200);
    }

    private Map<String, Object> personal() {
        Map<String, Object> b = new LinkedHashMap<>();
        int kind = random.nextInt(12);
        b.put("gender", kind == 0 ? null : random.nextBoolean() ? "MALE" : "FEMALE");
        b.put("dateOfBirth", kind == 1 ? null : kind == 2 ? "1996-02-29"
                : LocalDate.of(1965, 1, 1).plusDays(random.nextInt(13000)).toString());
        if (kind == 3) {
            b.put("nationality", "KR");
            b.put("passportNumber", "M" + (10000000 + random.nextInt(89999999)));
        } else {
            b.put("nationality", "VN");
            b.put("nationalId", TestData.nationalId());
        }
        return b;
    }

    private long join(long union, LocalDate joinedOn) {
        Map<String, Object> b = personal();
        b.put("fullName", TestData.unique("Đoàn viên"));
        b.put("grassrootsUnionId", union);
        b.put("joinedOn", joinedOn.toString());
        if (b.get("dateOfBirth") != null && LocalDate.parse((String) b.get("dateOfBirth")).plusYears(15)
                .isAfter(joinedOn)) {
            b.put("dateOfBirth", joinedOn.minusYears(20).toString());
        }
        return given().contentType(ContentType.JSON).body(b).when().post("/api/v1/members")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private Map<String, Object> member(long id) {
        return given().when().get("/api/v1/members/{id}", id).then().statusCode(200).extract().jsonPath().getMap("");
    }

    private void leave(long member, LocalDate on) {
        if (on.isAfter(LocalDate.now())) {
            return;
        }
        Map<String, Object> current = member(member);
        Map<String, Object> b = new HashMap<>();
        for (String f : List.of("fullName", "dateOfBirth", "gender", "nationality", "nationalId", "passportNumber")) {
            b.put(f, current.get(f));
        }
        b.put("status", "LEFT");
        b.put("leftOn", on.toString());
        given().contentType(ContentType.JSON).body(b).when().put("/api/v1/members/{id}", member)
                .then().statusCode(200);
    }

    private void transfer(long member, long to, LocalDate on) {
        if (on.isAfter(LocalDate.now())) {
            return;
        }
        given().contentType(ContentType.JSON).body(Map.of("toGrassrootsUnionId", to, "effectiveOn", on.toString()))
                .when().post("/api/v1/members/{id}/transfers", member).then().statusCode(200);
    }

    /** A new gender, date of birth or nationality for a member (their whole history moves in the figures). */
    private void correct(long member) {
        Map<String, Object> current = member(member);
        Map<String, Object> b = new HashMap<>();
        for (String f : List.of("fullName", "status", "leftOn", "leaveReason")) {
            b.put(f, current.get(f));
        }
        Map<String, Object> p = personal();
        LocalDate joined = LocalDate.parse((String) current.get("joinedOn"));
        if (p.get("dateOfBirth") != null && LocalDate.parse((String) p.get("dateOfBirth")).plusYears(15).isAfter(joined)) {
            p.put("dateOfBirth", joined.minusYears(30).toString());
        }
        b.putAll(p);
        given().contentType(ContentType.JSON).body(b).when().put("/api/v1/members/{id}", member)
                .then().statusCode(200);
    }

    @Transactional
    long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return em.createNativeQuery(sql, Object[].class).getResultList();
    }

    private static String s(Object o) {
        return o == null ? null : o.toString();
    }

    private static LocalDate date(Object o) {
        return o == null ? null : o instanceof LocalDate d ? d : ((java.sql.Date) o).toLocalDate();
    }
}
