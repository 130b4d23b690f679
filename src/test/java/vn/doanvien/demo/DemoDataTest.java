package vn.doanvien.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.doanvien.common.Today;
import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.grassroots.GrassrootsUnionLink;
import vn.doanvien.grassroots.GrassrootsUnionStatus;
import vn.doanvien.member.Member;
import vn.doanvien.member.MemberStatus;
import vn.doanvien.member.MembershipPeriod;
import vn.doanvien.organisation.Unit;
import vn.doanvien.organisation.UnitKind;
import vn.doanvien.organisation.UnitLink;

/**
 * The demo registry, loaded into a database of its own ({@link DemoProfile}): on H2 and on PostgreSQL, where
 * {@code -Ddoanvien.demo-data.enabled=true} loads it too. Reads only: DocumentedExamplesTest, which writes, runs
 * after it in the same application.
 */
@QuarkusTest
@TestProfile(DemoProfile.class)
class DemoDataTest {

    private static final Map<String, String> FEDERATIONS = Map.ofEntries(
            Map.entry("LDLD-01", "Liên đoàn Lao động thành phố Hà Nội"),
            Map.entry("LDLD-04", "Liên đoàn Lao động tỉnh Cao Bằng"),
            Map.entry("LDLD-08", "Liên đoàn Lao động tỉnh Tuyên Quang"),
            Map.entry("LDLD-11", "Liên đoàn Lao động tỉnh Điện Biên"),
            Map.entry("LDLD-12", "Liên đoàn Lao động tỉnh Lai Châu"),
            Map.entry("LDLD-14", "Liên đoàn Lao động tỉnh Sơn La"),
            Map.entry("LDLD-15", "Liên đoàn Lao động tỉnh Lào Cai"),
            Map.entry("LDLD-19", "Liên đoàn Lao động tỉnh Thái Nguyên"),
            Map.entry("LDLD-20", "Liên đoàn Lao động tỉnh Lạng Sơn"),
            Map.entry("LDLD-22", "Liên đoàn Lao động tỉnh Quảng Ninh"),
            Map.entry("LDLD-24", "Liên đoàn Lao động tỉnh Bắc Ninh"),
            Map.entry("LDLD-25", "Liên đoàn Lao động tỉnh Phú Thọ"),
            Map.entry("LDLD-31", "Liên đoàn Lao động thành phố Hải Phòng"),
            Map.entry("LDLD-33", "Liên đoàn Lao động tỉnh Hưng Yên"),
            Map.entry("LDLD-37", "Liên đoàn Lao động tỉnh Ninh Bình"),
            Map.entry("LDLD-38", "Liên đoàn Lao động tỉnh Thanh Hóa"),
            Map.entry("LDLD-40", "Liên đoàn Lao động tỉnh Nghệ An"),
            Map.entry("LDLD-42", "Liên đoàn Lao động tỉnh Hà Tĩnh"),
            Map.entry("LDLD-44", "Liên đoàn Lao động tỉnh Quảng Trị"),
            Map.entry("LDLD-46", "Liên đoàn Lao động thành phố Huế"),
            Map.entry("LDLD-48", "Liên đoàn Lao động thành phố Đà Nẵng"),
            Map.entry("LDLD-51", "Liên đoàn Lao động tỉnh Quảng Ngãi"),
            Map.entry("LDLD-52", "Liên đoàn Lao động tỉnh Gia Lai"),
            Map.entry("LDLD-56", "Liên đoàn Lao động tỉnh Khánh Hòa"),
            Map.entry("LDLD-66", "Liên đoàn Lao động tỉnh Đắk Lắk"),
            Map.entry("LDLD-68", "Liên đoàn Lao động tỉnh Lâm Đồng"),
            Map.entry("LDLD-75", "Liên đoàn Lao động tỉnh Đồng Nai"),
            Map.entry("LDLD-79", "Liên đoàn Lao động Thành phố Hồ Chí Minh"),
            Map.entry("LDLD-80", "Liên đoàn Lao động tỉnh Tây Ninh"),
            Map.entry("LDLD-82", "Liên đoàn Lao động tỉnh Đồng Tháp"),
            Map.entry("LDLD-86", "Liên đoàn Lao động tỉnh Vĩnh Long"),
            Map.entry("LDLD-92", "Liên đoàn Lao động thành phố Cần Thơ"),
            Map.entry("LDLD-91", "Liên đoàn Lao động tỉnh An Giang"),
            Map.entry("LDLD-96", "Liên đoàn Lao động tỉnh Cà Mau"));

    @Inject
    vn.doanvien.figures.FiguresRecount recount;

    @Inject
    DemoDataLoader loader;

    @Test
    void theConfederationIsTheRoot() {
        inTx(() -> {
            Unit root = Unit.find("code", "VGCL").firstResult();
            assertNotNull(root);
            assertEquals(UnitKind.CONFEDERATION, root.kind);
            assertEquals("Tổng Liên đoàn Lao động Việt Nam", root.name);
            assertEquals(LocalDate.of(1929, 7, 28), root.validFrom);
            assertEquals(0, UnitLink.count("unitId", root.id));
        });
    }

    @Test
    void thirtyFourProvincialFederationsToday() {
        inTx(() -> {
            LocalDate today = Today.date();
            List<Unit> federations = Unit.<Unit>list("kind = ?1 and validFrom <= ?2 and (validTo is null or validTo > ?2)",
                    UnitKind.PROVINCIAL_FEDERATION, today);
            Map<String, String> byCode = federations.stream().collect(Collectors.toMap(u -> u.code, u -> u.name));
            assertEquals(FEDERATIONS, byCode);
            for (Unit f : federations) {
                assertEquals(f.code.substring("LDLD-".length()), f.provinceCode, f.code);
                assertEquals(LocalDate.of(2025, 7, 1), f.validFrom, f.code);
            }
        });
    }

    @Test
    void theNationalSectoralUnions() {
        inTx(() -> {
            List<Unit> sectoral = Unit.list("kind", UnitKind.SECTORAL_UNION);
            assertEquals(Set.of("Công đoàn Giáo dục Việt Nam", "Công đoàn Dầu khí Việt Nam",
                    "Công đoàn Viên chức Việt Nam"), sectoral.stream().map(u -> u.name).collect(Collectors.toSet()));
            sectoral.forEach(u -> assertNull(u.provinceCode, u.name));
        });
    }

    @Test
    void everyUnitButTheRootHasALinkWithinItsLifetime() {
        inTx(() -> {
            Map<Long, Unit> units = Unit.<Unit>listAll().stream().collect(Collectors.toMap(u -> u.id, u -> u));
            Map<Long, List<UnitLink>> links = UnitLink.<UnitLink>listAll().stream()
                    .collect(Collectors.groupingBy(l -> l.unitId));
            for (Unit u : units.values()) {
                if (u.kind == UnitKind.CONFEDERATION) {
                    continue;
                }
                List<UnitLink> own = links.get(u.id);
                assertNotNull(own, u.code + " has no parent link");
                assertTrue(own.stream().anyMatch(l -> l.validFrom.equals(u.validFrom)), u.code);
                for (UnitLink l : own) {
                    Unit parent = units.get(l.parentId);
                    // the parent exists for the whole time of the link
                    assertFalse(l.validFrom.isBefore(parent.validFrom), u.code + " -> " + parent.code);
                    if (parent.validTo != null) {
                        assertNotNull(l.validTo, u.code);
                        assertFalse(l.validTo.isAfter(parent.validTo), u.code + " -> " + parent.code);
                    }
                }
            }
        });
    }

    @Test
    void yenBaiHistory() {
        inTx(() -> {
            Unit yenBai = Unit.find("name", "Liên đoàn Lao động tỉnh Yên Bái").firstResult();
            assertEquals("15", yenBai.provinceCode);
            assertEquals(LocalDate.of(2025, 7, 1), yenBai.validTo);
            Unit vanYen = Unit.find("name", "Liên đoàn Lao động huyện Văn Yên").firstResult();
            assertEquals(LocalDate.of(2025, 7, 1), vanYen.validTo);
            UnitLink up = UnitLink.find("unitId", vanYen.id).firstResult();
            assertEquals(yenBai.id, up.parentId);
            List<GrassrootsUnionLink> moved = GrassrootsUnionLink.list("unitId = ?1 and validTo = ?2",
                    vanYen.id, LocalDate.of(2025, 7, 1));
            assertFalse(moved.isEmpty(), "Văn Yên hands grassroots unions over on the reform");
            GrassrootsUnionLink next = GrassrootsUnionLink.find("grassrootsUnionId = ?1 and validFrom = ?2",
                    moved.get(0).grassrootsUnionId, LocalDate.of(2025, 7, 1)).firstResult();
            Unit commune = Unit.findById(next.unitId);
            assertEquals("COMMUNE_WARD", commune.category.name());
            assertEquals("Công đoàn xã Mậu A", commune.name);
            UnitLink commmuneUp = UnitLink.find("unitId", commune.id).firstResult();
            assertEquals("LDLD-15", Unit.<Unit>findById(commmuneUp.parentId).code);

            Unit binhDuongZones = Unit.find("name", "Công đoàn các Khu công nghiệp tỉnh Bình Dương").firstResult();
            List<UnitLink> history = UnitLink.list("unitId = ?1 order by validFrom", binhDuongZones.id);
            assertEquals(2, history.size());
            assertEquals("LDLD-74-OLD", Unit.<Unit>findById(history.get(0).parentId).code);
            assertEquals("LDLD-79", Unit.<Unit>findById(history.get(1).parentId).code);
            assertEquals(LocalDate.of(2025, 7, 1), history.get(1).validFrom);
        });
    }

    @Test
    void grassrootsUnionsArePlacedFromTheirFounding() {
        inTx(() -> {
            List<GrassrootsUnion> unions = GrassrootsUnion.listAll();
            assertTrue(unions.size() >= 400 && unions.size() <= 600, "grassroots unions: " + unions.size());
            Map<Long, List<GrassrootsUnionLink>> links = GrassrootsUnionLink.<GrassrootsUnionLink>listAll().stream()
                    .collect(Collectors.groupingBy(l -> l.grassrootsUnionId));
            for (GrassrootsUnion g : unions) {
                List<GrassrootsUnionLink> own = links.get(g.id);
                assertNotNull(own, g.code);
                assertTrue(own.stream().anyMatch(l -> l.validFrom.equals(g.foundedOn)), g.code);
                GrassrootsUnionLink last = own.stream().max((a, b) -> a.validFrom.compareTo(b.validFrom)).get();
                assertEquals(g.upperLevelUnitId, last.unitId, g.code);
                if (g.status == GrassrootsUnionStatus.ACTIVE) {
                    assertNull(last.validTo, g.code);
                    // Every active union has a chair, but the one founded in September that nobody joined yet.
                    long members = Member.count("grassrootsUnionId = ?1 and status = ?2", g.id, MemberStatus.ACTIVE);
                    assertEquals(members > 0, g.chairMemberId != null, g.code + ": chair " + g.chairMemberId
                            + ", active members " + members);
                    if (g.chairMemberId != null) {
                        Member chair = Member.findById(g.chairMemberId);
                        assertEquals(g.id, chair.grassrootsUnionId);
                        assertEquals(MemberStatus.ACTIVE, chair.status);
                    }
                }
            }
            long enterprises = vn.doanvien.enterprise.Enterprise.count();
            assertTrue(enterprises >= 600 && enterprises <= 900, "enterprises: " + enterprises);
        });
    }

    @Test
    void membersKeepTheInvariants() {
        inTx(() -> {
            List<Member> members = Member.listAll();
            assertTrue(members.size() >= 3000 && members.size() <= 5000, "members: " + members.size());
            Map<Long, List<MembershipPeriod>> periods = MembershipPeriod.<MembershipPeriod>listAll().stream()
                    .collect(Collectors.groupingBy(p -> p.memberId));
            Pattern card = Pattern.compile("^DV\\d{10}$");
            Pattern cccd = Pattern.compile("^0\\d{2}[0-3]\\d{8}$");
            Set<String> activeIds = new HashSet<>();
            Map<MemberStatus, Integer> byStatus = new HashMap<>();
            int foreigners = 0;
            for (Member m : members) {
                byStatus.merge(m.status, 1, Integer::sum);
                assertTrue(card.matcher(m.cardNumber).matches(), m.cardNumber);
                assertEquals(String.format("DV%010d", m.id), m.cardNumber);
                List<MembershipPeriod> own = periods.get(m.id);
                assertNotNull(own, m.cardNumber + " has no period");
                long open = own.stream().filter(p -> p.endOn == null).count();
                assertEquals(m.status == MemberStatus.ACTIVE ? 1 : 0, open, m.cardNumber);
                assertEquals(m.status == MemberStatus.ACTIVE, m.leftOn == null, m.cardNumber);
                assertTrue(own.stream().anyMatch(p -> p.startOn.equals(m.joinedOn)), m.cardNumber);
                for (MembershipPeriod p : own) {
                    assertEquals(p.endOn == null, p.endReason == null, m.cardNumber);
                }
                if (m.nationalId != null) {
                    assertTrue(cccd.matcher(m.nationalId).matches(), m.nationalId);
                    int centuryGender = m.nationalId.charAt(3) - '0';
                    assertEquals(m.dateOfBirth.getYear() >= 2000, centuryGender >= 2, m.nationalId);
                    assertEquals(m.gender.name().equals("FEMALE"), centuryGender % 2 == 1, m.nationalId);
                    assertEquals(String.format("%02d", m.dateOfBirth.getYear() % 100), m.nationalId.substring(4, 6));
                    if (m.status == MemberStatus.ACTIVE) {
                        assertTrue(activeIds.add(m.nationalId), "duplicate active national ID " + m.nationalId);
                    }
                } else {
                    assertNotNull(m.passportNumber, m.cardNumber);
                    assertFalse("VN".equals(m.nationality));
                    foreigners++;
                }
            }
            assertTrue(foreigners >= 3 && foreigners <= 10, "foreigners: " + foreigners);
            double left = byStatus.getOrDefault(MemberStatus.LEFT, 0) / (double) members.size();
            assertTrue(left > 0.05 && left < 0.12, "share LEFT: " + left);
            assertTrue(MembershipPeriod.count("endReason", vn.doanvien.member.PeriodEndReason.TRANSFER) >= 10);
            assertTrue(vn.doanvien.member.MemberClassification.count("key.year", 2024) > members.size() / 4);
            assertTrue(vn.doanvien.member.MemberClassification.count("key.year", 2025) > members.size() / 3);
        });
    }

    @Test
    void loadingAgainChangesNothing() {
        long units = inTx(() -> Unit.count());
        long members = inTx(() -> Member.count());
        assertFalse(loader.loadIfEmpty());
        assertEquals(units, inTx(() -> Unit.count()));
        assertEquals(members, inTx(() -> Member.count()));
    }

    private static <T> T inTx(java.util.concurrent.Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }

    @Test
    void theApiListsThe34FederationsToday() {
        io.restassured.RestAssured.given().queryParam("kind", "PROVINCIAL_FEDERATION").queryParam("size", 100)
                .when().get("/api/v1/units")
                .then().statusCode(200)
                .body("totalItems", org.hamcrest.Matchers.equalTo(34))
                .body("items.name", org.hamcrest.Matchers.hasItem("Liên đoàn Lao động Thành phố Hồ Chí Minh"));
    }

    @Test
    void theFifteenMillionTargetAnswersInOneCall() {
        long root = inTxResult(() -> vn.doanvien.organisation.Unit.<vn.doanvien.organisation.Unit>find("code", "VGCL")
                .firstResult().id);
        var targets = io.restassured.RestAssured.given().queryParam("scopeUnitId", root)
                .queryParam("topLevel", "true").queryParam("metric", "ACTIVE_MEMBERS")
                .when().get("/api/v1/targets").then().statusCode(200)
                .body("totalItems", org.hamcrest.Matchers.equalTo(1))
                .body("items[0].targetValue", org.hamcrest.Matchers.equalTo(15000000))
                .extract().jsonPath();
        long target = targets.getLong("items[0].id");
        var progress = io.restassured.RestAssured.given().when().get("/api/v1/targets/{id}/progress", target)
                .then().statusCode(200)
                .body("baselineValue", org.hamcrest.Matchers.equalTo(11000000.0f))
                .body("breakdown", org.hamcrest.Matchers.hasSize(34))
                .body("allocation.allocations", org.hamcrest.Matchers.hasSize(34))
                .extract().jsonPath();
        // The national value is the latest national report plus what the registry recorded since.
        assertTrue(progress.getDouble("currentValue") > 12_000_000, "current " + progress.getDouble("currentValue"));
        // Each province has a real baseline (the demo's estimate of December 2023 within today's borders).
        List<Float> baselines = progress.getList("breakdown.baselineValue", Float.class);
        assertTrue(baselines.stream().allMatch(v -> v > 10_000), "baselines " + baselines);
        List<Float> gaps = progress.getList("breakdown.gap", Float.class);
        for (int i = 1; i < gaps.size(); i++) {
            assertTrue(gaps.get(i - 1) >= gaps.get(i), "breakdown sorted by gap, biggest first");
        }
        assertTrue(progress.getDouble("allocation.unallocatedValue") > 0, "sectoral unions are not allocated");
    }

    @Test
    void figuresMatchARecountOfTheDemoRegistry() {
        assertEquals("", recount.differences());
    }

    private static <T> T inTxResult(java.util.function.Supplier<T> work) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(work::get);
    }

    private static void inTx(Runnable work) {
        QuarkusTransaction.requiringNew().run(work);
    }
}
