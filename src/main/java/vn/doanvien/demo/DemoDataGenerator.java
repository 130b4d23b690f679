package vn.doanvien.demo;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import vn.doanvien.common.TextNormalizer;
import vn.doanvien.demo.DemoCatalog.OldProvince;
import vn.doanvien.demo.DemoCatalog.Province;
import vn.doanvien.demo.DemoCatalog.SectoralChild;
import vn.doanvien.demo.DemoCatalog.SectoralGrassroots;
import vn.doanvien.demo.DemoCatalog.ZoneUnion;
import vn.doanvien.enterprise.Enterprise;
import vn.doanvien.enterprise.Ownership;
import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.grassroots.GrassrootsUnionLink;
import vn.doanvien.grassroots.GrassrootsUnionStatus;
import vn.doanvien.member.Classification;
import vn.doanvien.member.Gender;
import vn.doanvien.member.Member;
import vn.doanvien.member.MemberClassification;
import vn.doanvien.member.MemberStatus;
import vn.doanvien.member.MembershipPeriod;
import vn.doanvien.member.PeriodEndReason;
import vn.doanvien.organisation.Unit;
import vn.doanvien.organisation.UnitCategory;
import vn.doanvien.organisation.UnitKind;
import vn.doanvien.organisation.UnitLink;

/**
 * Writes the demo registry through the entities inside the caller's transaction. Every choice comes from one
 * fixed-seed {@link Random} and dates stop at {@link #HORIZON}, so every load produces the same rows.
 * It keeps the invariants the services keep: dated links for every unit and grassroots union, one membership
 * period per stay, status consistent with {@code leftOn}, unique national IDs.
 */
final class DemoDataGenerator {

    /** The 2025 reform: 34 provinces, no district level. */
    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    /** The last date any generated event falls on (or yesterday, if earlier), so the data never changes. */
    static final LocalDate HORIZON = LocalDate.of(2026, 11, 20);
    static final long SEED = 20250701L;

    private static final LocalDate CONFEDERATION_FOUNDED = LocalDate.of(1929, 7, 28);
    private static final LocalDate FIRST_JOIN = LocalDate.of(2015, 1, 1);
    private static final int FLUSH_EVERY = 400;
    private static final int TARGET_MEMBERS = 4000;

    /** What was written. */
    record Counts(int units, int unitLinks, int enterprises, int grassrootsUnions, int grassrootsUnionLinks,
                  int members, int activeMembers, int transfers, int periods, int classifications) {

        @Override
        public String toString() {
            return units + " units (" + unitLinks + " links), " + enterprises + " enterprises, " + grassrootsUnions
                    + " grassroots unions (" + grassrootsUnionLinks + " placements), " + members + " members ("
                    + activeMembers + " active, " + transfers + " transferred), " + periods + " membership periods, "
                    + classifications + " classifications";
        }
    }

    /** A province of the new map with the units generated in it. */
    private static final class ProvinceUnits {
        final Province spec;
        final List<OldProvince> olds = new ArrayList<>();
        Unit federation;
        OldProvince mainOld;
        final List<Unit> zones = new ArrayList<>();
        final List<Unit> sectoral = new ArrayList<>();
        final List<Unit> wards = new ArrayList<>();
        /**
         * The district union each ward union took over on {@link #REFORM}, same index as {@link #wards}; null for a
         * ward on new ground, whose grassroots unions are all founded since the reform.
         */
        final List<Unit> predecessorDistricts = new ArrayList<>();
        final List<UnionPlan> unions = new ArrayList<>();

        ProvinceUnits(Province spec) {
            this.spec = spec;
        }
    }

    /** A grassroots union as the member generator needs it. */
    private record UnionPlan(long id, String provinceCode, String oldProvinceCode, LocalDate foundedOn,
                             LocalDate dissolvedOn, int workforce, String investorCountry) {
    }

    /** One member before persisting. */
    private static final class MemberPlan {
        String fullName;
        Gender gender;
        LocalDate dateOfBirth;
        String nationality = "VN";
        String nationalId;
        String passportNumber;
        String phone;
        String email;
        LocalDate joinedOn;
        /** When the member joined the current union; differs from joinedOn after a transfer. */
        LocalDate joinedHere;
        UnionPlan transferredFrom;
        MemberStatus status = MemberStatus.ACTIVE;
        LocalDate leftOn;
        String leaveReason;
    }

    private final EntityManager em;
    private final Random rng = new Random(SEED);
    private final LocalDate end;
    private final Map<String, ProvinceUnits> provinces = new LinkedHashMap<>();
    private final Map<String, Unit> oldFederations = new HashMap<>();
    private final Map<String, OldProvince> oldByCode = new HashMap<>();
    private final Set<String> taxCodes = new HashSet<>();
    private final Set<String> enterpriseNames = new HashSet<>();
    private final Set<String> nationalIds = new HashSet<>();
    private final List<UnionPlan> allUnions = new ArrayList<>();
    private final Map<SectoralChild, Unit> sectoralChildren = new LinkedHashMap<>();
    private final Map<Class<?>, List<Object>> deferred = new LinkedHashMap<>();
    private int pending;
    private int units;
    private int unitLinks;
    private int enterprises;
    private int grassrootsUnions;
    private int grassrootsLinks;
    private int members;
    private int activeMembers;
    private int transfers;
    private int periods;
    private int classifications;
    private int unionSeq;
    private int foreigners;
    private final Set<Integer> usedForeigners = new HashSet<>();

    DemoDataGenerator(EntityManager em, LocalDate today) {
        this.em = em;
        LocalDate yesterday = today.minusDays(1);
        this.end = yesterday.isBefore(HORIZON) ? yesterday : HORIZON;
    }

    Counts generate() {
        Unit root = unit(UnitKind.CONFEDERATION, null, "VGCL", "Tổng Liên đoàn Lao động Việt Nam", null,
                CONFEDERATION_FOUNDED, null);
        organisation(root);
        List<Enterprise> enterprises = enterprisesFor();
        grassroots(enterprises);
        flush();
        membersFor();
        flush();
        finish();
        return new Counts(units, unitLinks, this.enterprises, grassrootsUnions, grassrootsLinks, members,
                activeMembers, transfers, periods, classifications);
    }

    // ---------------------------------------------------------------- organisation tree

    private void organisation(Unit root) {
        for (OldProvince old : DemoCatalog.OLD_PROVINCES) {
            oldByCode.put(old.code(), old);
            Unit federation = unit(UnitKind.PROVINCIAL_FEDERATION, null, "LDLD-" + old.code() + "-OLD",
                    "Liên đoàn Lao động " + old.label(), old.code(), old.validFrom(), REFORM);
            link(federation, root, old.validFrom(), REFORM);
            oldFederations.put(old.code(), federation);
        }
        for (Province p : DemoCatalog.PROVINCES) {
            ProvinceUnits pu = new ProvinceUnits(p);
            for (OldProvince old : DemoCatalog.OLD_PROVINCES) {
                if (old.newCode().equals(p.code())) {
                    pu.olds.add(old);
                    if (old.name().equals(p.name()) || pu.mainOld == null && old.code().equals(p.code())) {
                        pu.mainOld = old;
                    }
                }
            }
            pu.federation = unit(UnitKind.PROVINCIAL_FEDERATION, null, "LDLD-" + p.code(),
                    "Liên đoàn Lao động " + p.label(), p.code(), REFORM, null);
            link(pu.federation, root, REFORM, null);
            provinces.put(p.code(), pu);
        }
        int provinceIndex = 0;
        for (ProvinceUnits pu : provinces.values()) {
            Province p = pu.spec;
            for (ZoneUnion z : DemoCatalog.ZONE_UNIONS) {
                if (z.newCode().equals(p.code())) {
                    pu.zones.add(reLinked(UnitCategory.INDUSTRIAL_ZONE, "KCN-" + z.oldCode(), z.name(), p.code(),
                            z.validFrom(), oldFederations.get(z.oldCode()), pu.federation));
                }
            }
            Unit mainOld = oldFederations.get(pu.mainOld.code());
            LocalDate sectoralFrom = later(LocalDate.of(2005, 1, 1), mainOld.validFrom);
            pu.sectoral.add(reLinked(UnitCategory.LOCAL_SECTORAL, "NGANH-YT-" + p.code(),
                    "Công đoàn ngành Y tế " + p.label(), p.code(), sectoralFrom, mainOld, pu.federation));
            if (pu.zones.size() < 2 && provinceIndex % 2 == 0) {
                pu.sectoral.add(reLinked(UnitCategory.LOCAL_SECTORAL, "NGANH-GD-" + p.code(),
                        "Công đoàn ngành Giáo dục " + p.label(), p.code(), sectoralFrom, mainOld, pu.federation));
            }
            List<Unit> districts = new ArrayList<>();
            int d = 0;
            for (String spec : p.districts()) {
                String[] parts = spec.split("@");
                Unit oldFederation = oldFederations.get(parts[1]);
                Unit district = unit(UnitKind.UPPER_LEVEL_UNION, UnitCategory.DISTRICT,
                        "LDLD-" + parts[1] + "-H" + (++d), "Liên đoàn Lao động " + parts[0], parts[1],
                        oldFederation.validFrom, REFORM);
                link(district, oldFederation, oldFederation.validFrom, REFORM);
                districts.add(district);
            }
            int wardCount = pu.zones.size() >= 2 ? 2 : p.wards().size();
            for (int w = 0; w < wardCount; w++) {
                Unit ward = unit(UnitKind.UPPER_LEVEL_UNION, UnitCategory.COMMUNE_WARD, "XP-" + p.code() + "-" + (w + 1),
                        "Công đoàn " + p.wards().get(w), p.code(), REFORM, null);
                link(ward, pu.federation, REFORM, null);
                pu.wards.add(ward);
                pu.predecessorDistricts.add(w < districts.size() ? districts.get(w) : null);
            }
            provinceIndex++;
        }
        Map<String, Unit> sectoralUnions = new HashMap<>();
        for (String[] s : DemoCatalog.SECTORAL_UNIONS) {
            LocalDate from = LocalDate.parse(s[2]);
            Unit u = unit(UnitKind.SECTORAL_UNION, null, s[0], s[1], null, from, null);
            link(u, root, from, null);
            sectoralUnions.put(s[0], u);
        }
        for (SectoralChild c : DemoCatalog.SECTORAL_CHILDREN) {
            Unit u = unit(UnitKind.UPPER_LEVEL_UNION, UnitCategory.valueOf(c.category()), c.code(), c.name(), null,
                    c.validFrom(), null);
            link(u, sectoralUnions.get(c.sectoralCode()), c.validFrom(), null);
            sectoralChildren.put(c, u);
        }
    }

    /** An upper-level union under a pre-reform federation until {@link #REFORM}, under the new one since. */
    private Unit reLinked(UnitCategory category, String code, String name, String provinceCode, LocalDate from,
                          Unit oldParent, Unit newParent) {
        LocalDate validFrom = later(from, oldParent.validFrom);
        Unit u = unit(UnitKind.UPPER_LEVEL_UNION, category, code, name, provinceCode, validFrom, null);
        link(u, oldParent, validFrom, REFORM);
        link(u, newParent, REFORM, null);
        return u;
    }

    private Unit unit(UnitKind kind, UnitCategory category, String code, String name, String provinceCode,
                      LocalDate validFrom, LocalDate validTo) {
        Unit u = new Unit();
        u.kind = kind;
        u.category = category;
        u.code = code;
        u.name = name;
        u.provinceCode = provinceCode;
        u.validFrom = validFrom;
        u.validTo = validTo;
        persist(u);
        units++;
        return u;
    }

    private void link(Unit unit, Unit parent, LocalDate from, LocalDate to) {
        UnitLink l = new UnitLink();
        l.unitId = unit.id;
        l.parentId = parent.id;
        l.validFrom = from;
        l.validTo = to;
        defer(l);
        unitLinks++;
    }

    // ---------------------------------------------------------------- enterprises

    private List<Enterprise> enterprisesFor() {
        List<Enterprise> all = new ArrayList<>();
        for (SectoralChild c : DemoCatalog.SECTORAL_CHILDREN) {
            for (SectoralGrassroots g : c.grassroots()) {
                if (g.taxCode() != null) {
                    taxCodes.add(g.taxCode());
                }
            }
        }
        for (ProvinceUnits pu : provinces.values()) {
            Province p = pu.spec;
            for (int i = 0; i < p.enterprises(); i++) {
                all.add(enterprise(pu));
            }
        }
        // Branches (tax code with -00n) of some larger companies, in another province.
        Map<String, Integer> branchesOf = new HashMap<>();
        List<ProvinceUnits> list = new ArrayList<>(provinces.values());
        int heads = all.size();
        for (int i = 0; i < 24; i++) {
            Enterprise head = all.get(rng.nextInt(heads));
            ProvinceUnits pu = list.get(rng.nextInt(list.size()));
            if (pu.spec.code().equals(head.provinceCode) || head.ownership == Ownership.STATE) {
                continue;
            }
            int n = branchesOf.merge(head.taxCode, 1, Integer::sum);
            Enterprise b = new Enterprise();
            b.taxCode = head.taxCode + "-" + String.format("%03d", n);
            b.name = "Chi nhánh " + head.name + " tại " + pu.spec.label();
            b.ownership = head.ownership;
            b.investorCountry = head.investorCountry;
            b.industry = head.industry;
            b.provinceCode = pu.spec.code();
            b.workforce = 10 + rng.nextInt(Math.max(20, head.workforce / 3));
            b.workforceAsOf = workforceDate();
            Unit ward = wardFor(pu);
            b.upperLevelUnitId = ward.id;
            b.address = capitalize(wardName(ward)) + ", " + pu.spec.label();
            persist(b);
            enterprises++;
            all.add(b);
        }
        return all;
    }

    private Enterprise enterprise(ProvinceUnits pu) {
        Province p = pu.spec;
        Enterprise e = new Enterprise();
        double r = rng.nextDouble();
        e.ownership = r < p.fdiShare() ? Ownership.FOREIGN_INVESTED
                : r < p.fdiShare() + 0.06 ? Ownership.STATE : Ownership.PRIVATE;
        e.provinceCode = p.code();
        String brand;
        String activity;
        String form;
        if (e.ownership == Ownership.FOREIGN_INVESTED) {
            e.investorCountry = weighted(DemoCatalog.FDI_COUNTRIES, DemoCatalog.FDI_COUNTRY_WEIGHTS);
            e.industry = pick(new String[] {"C", "C", "C", "C", "C", "C", "C", "C", "C", "C", "C", "C", "C", "C",
                    "C", "C", "G", "H", "J", "I"});
            List<String> brands = DemoCatalog.brands(e.investorCountry);
            brand = brands.get(rng.nextInt(brands.size())) + (rng.nextBoolean() ? " Việt Nam" : "");
            activity = pickFrom(DemoCatalog.fdiActivities(e.industry));
            form = "Công ty TNHH";
            e.workforce = workforce(Math.log(250), 1.2);
        } else if (e.ownership == Ownership.STATE) {
            e.industry = pick(new String[] {"H", "H", "H", "F", "F", "C", "C", "K", "G", "J"});
            brand = pickFrom(DemoCatalog.DOMESTIC_BRANDS);
            activity = pickFrom(DemoCatalog.activities(e.industry));
            form = rng.nextBoolean() ? "Công ty TNHH MTV" : "Tổng công ty";
            e.workforce = workforce(Math.log(180), 0.8);
        } else {
            e.industry = pick(new String[] {"C", "C", "C", "C", "C", "C", "C", "C", "C", "F", "F", "F", "G", "G",
                    "G", "H", "H", "I", "I", "J", "K", "P", "Q"});
            brand = pickFrom(DemoCatalog.DOMESTIC_BRANDS);
            activity = pickFrom(DemoCatalog.activities(e.industry));
            form = rng.nextInt(3) == 0 ? "Công ty TNHH" : "Công ty Cổ phần";
            e.workforce = workforce(Math.log(50), 1.1);
        }
        String name = form + " " + activity + " " + brand;
        if (!enterpriseNames.add(name)) {
            name = name + " " + p.name().replace("Thành phố ", "");
            int n = 2;
            String base = name;
            while (!enterpriseNames.add(name)) {
                name = base + " " + n++;
            }
        }
        e.name = name;
        e.taxCode = taxCode(p.code());
        e.workforceAsOf = workforceDate();
        boolean industrial = !pu.zones.isEmpty() && e.industry.equals("C")
                && rng.nextDouble() < (e.ownership == Ownership.FOREIGN_INVESTED ? 0.85 : 0.35);
        if (industrial) {
            Unit zone = pu.zones.get(rng.nextInt(pu.zones.size()));
            e.upperLevelUnitId = zone.id;
            List<String> names = zoneNames(zone);
            String zn = names.get(rng.nextInt(names.size()));
            e.address = (zn.startsWith("Khu") ? zn : "Khu công nghiệp " + zn) + ", " + p.label();
        } else {
            Unit ward = wardFor(pu);
            e.upperLevelUnitId = ward.id;
            e.address = (1 + rng.nextInt(300)) + " đường " + pickFrom(STREETS) + ", " + wardName(ward) + ", "
                    + p.label();
        }
        // A workers' organisation outside VGCL shows up mostly in large foreign-invested companies.
        e.hasIndependentWorkersOrganisation = e.ownership == Ownership.FOREIGN_INVESTED && e.workforce >= 300
                && rng.nextDouble() < 0.08;
        persist(e);
        enterprises++;
        return e;
    }

    private static final List<String> STREETS = List.of("Lê Lợi", "Trần Hưng Đạo", "Nguyễn Huệ", "Hai Bà Trưng",
            "Lý Thường Kiệt", "Quang Trung", "Nguyễn Văn Linh", "Võ Nguyên Giáp", "Hùng Vương", "Điện Biên Phủ");

    private List<String> zoneNames(Unit zone) {
        for (ZoneUnion z : DemoCatalog.ZONE_UNIONS) {
            if (z.name().equals(zone.name)) {
                return z.zones();
            }
        }
        return List.of("Khu công nghiệp");
    }

    private static String wardName(Unit ward) {
        return ward.name.substring("Công đoàn ".length());
    }

    private LocalDate workforceDate() {
        LocalDate d = LocalDate.of(2026, 1, 1);
        return d.isAfter(end) ? end : d;
    }

    private int workforce(double mu, double sigma) {
        long w = Math.round(Math.exp(mu + sigma * rng.nextGaussian()));
        return (int) Math.max(10, Math.min(8000, w));
    }

    private String taxCode(String provinceCode) {
        String prefix = switch (provinceCode) {
            case "01" -> "01";
            case "79" -> "03";
            case "31" -> "02";
            case "24" -> "23";
            case "75" -> "36";
            case "19" -> "46";
            case "48" -> "04";
            default -> provinceCode;
        };
        String code;
        do {
            code = prefix + String.format("%08d", rng.nextInt(100_000_000));
        } while (!taxCodes.add(code));
        return code;
    }

    // ---------------------------------------------------------------- grassroots unions

    private void grassroots(List<Enterprise> enterprises) {
        int dissolved = 0;
        for (Enterprise e : enterprises) {
            ProvinceUnits pu = provinces.get(e.provinceCode);
            double chance = e.workforce >= 25 ? 0.70 : 0.10;
            if (rng.nextDouble() >= chance) {
                continue; // a recruitment lead
            }
            Unit home = byId(pu, e.upperLevelUnitId);
            boolean dissolve = dissolved < 6 && e.ownership == Ownership.PRIVATE && rng.nextInt(12) == 0
                    && (home.category != UnitCategory.COMMUNE_WARD || districtFor(pu, home) != null);
            if (dissolve) {
                dissolved++;
                LocalDate founded = between(LocalDate.of(2012, 1, 1), LocalDate.of(2016, 6, 30));
                LocalDate dissolvedOn = between(LocalDate.of(2019, 1, 1), LocalDate.of(2024, 12, 31));
                // The company closed: its union is dissolved and its members left.
                e = em.merge(e);
                e.workforce = 0;
                e.workforceAsOf = dissolvedOn;
                Unit placedUnder = home.category == UnitCategory.COMMUNE_WARD ? districtFor(pu, home) : home;
                grassrootsUnion(pu, "Công đoàn " + e.name, e.id, placedUnder, null, founded, dissolvedOn,
                        Math.max(30, e.workforce), e.investorCountry);
                continue;
            }
            LocalDate lo = later(LocalDate.of(2008, 1, 1), home.validFrom);
            if (home.category == UnitCategory.COMMUNE_WARD && districtFor(pu, home) != null) {
                lo = later(LocalDate.of(2008, 1, 1), districtFor(pu, home).validFrom);
            }
            LocalDate founded = skewRecent(lo, end.minusDays(45), 0.8);
            if (home.category == UnitCategory.COMMUNE_WARD && founded.isBefore(REFORM)) {
                grassrootsUnion(pu, "Công đoàn " + e.name, e.id, districtFor(pu, home), home, founded, null,
                        e.workforce, e.investorCountry);
            } else {
                grassrootsUnion(pu, "Công đoàn " + e.name, e.id, home, null, founded, null, e.workforce,
                        e.investorCountry);
            }
        }
        int school = 0;
        for (ProvinceUnits pu : provinces.values()) {
            String label = pu.spec.label();
            Unit health = pu.sectoral.get(0);
            grassrootsUnion(pu, "Công đoàn Bệnh viện Đa khoa " + label, null, health, null,
                    between(later(LocalDate.of(2006, 1, 1), health.validFrom), LocalDate.of(2014, 12, 31)), null,
                    150 + rng.nextInt(500), null);
            if (pu.sectoral.size() > 1) {
                Unit education = pu.sectoral.get(1);
                String name = DemoCatalog.SCHOOLS.get(school++ % DemoCatalog.SCHOOLS.size());
                grassrootsUnion(pu, "Công đoàn " + name, null, education, null,
                        between(later(LocalDate.of(2006, 1, 1), education.validFrom), LocalDate.of(2016, 12, 31)),
                        null, 40 + rng.nextInt(80), null);
            }
            // A school the first district union handed over to its successor ward on the reform.
            Unit district = pu.predecessorDistricts.get(0);
            String place = capitalize(district.name.substring("Liên đoàn Lao động ".length())
                    .replaceFirst("^(huyện|quận|thành phố|thị xã) (?=\\D)", ""));
            grassrootsUnion(pu, "Công đoàn Trường THCS " + place, null, district, pu.wards.get(0),
                    between(later(LocalDate.of(2006, 1, 1), district.validFrom), LocalDate.of(2014, 12, 31)), null,
                    35 + rng.nextInt(40), null);
            // The commune/ward people's committees formed with the reform.
            Unit ward = pu.wards.get(0);
            grassrootsUnion(pu, "Công đoàn cơ quan Ủy ban nhân dân " + wardName(ward), null, ward, null, REFORM,
                    null, 25 + rng.nextInt(20), null);
        }
        for (Map.Entry<SectoralChild, Unit> c : sectoralChildren.entrySet()) {
            for (SectoralGrassroots g : c.getKey().grassroots()) {
                Long enterpriseId = null;
                if (g.taxCode() != null) {
                    Enterprise e = new Enterprise();
                    e.taxCode = g.taxCode();
                    e.name = g.name();
                    e.ownership = Ownership.STATE;
                    e.industry = g.industry();
                    e.provinceCode = g.provinceCode();
                    e.address = provinces.get(g.provinceCode()).spec.label();
                    e.workforce = g.workforce();
                    e.workforceAsOf = workforceDate();
                    e.upperLevelUnitId = c.getValue().id;
                    persist(e);
                    this.enterprises++;
                    enterpriseId = e.id;
                }
                ProvinceUnits pu = provinces.get(g.provinceCode());
                LocalDate founded = between(later(LocalDate.of(2008, 1, 1), c.getValue().validFrom),
                        LocalDate.of(2014, 12, 31));
                grassrootsUnion(pu, "Công đoàn " + g.name(), enterpriseId, c.getValue(), null, founded, null,
                        g.workforce(), null);
            }
        }
    }

    private static Unit byId(ProvinceUnits pu, Long id) {
        for (List<Unit> list : List.of(pu.zones, pu.wards, pu.sectoral)) {
            for (Unit u : list) {
                if (u.id.equals(id)) {
                    return u;
                }
            }
        }
        throw new IllegalStateException("unit " + id + " not in province " + pu.spec.code());
    }

    /** Mostly a ward that took over a district union, so that most grassroots unions have a pre-reform history. */
    private Unit wardFor(ProvinceUnits pu) {
        int withHistory = (int) pu.predecessorDistricts.stream().filter(d -> d != null).count();
        int bound = rng.nextDouble() < 0.8 ? withHistory : pu.wards.size();
        return pu.wards.get(rng.nextInt(bound));
    }

    private static Unit districtFor(ProvinceUnits pu, Unit ward) {
        return pu.predecessorDistricts.get(pu.wards.indexOf(ward));
    }

    /**
     * Persists a grassroots union placed under {@code first} from its founding; when {@code then} is given it moved
     * there on {@link #REFORM} (a dissolved district union handing over to a commune/ward union).
     */
    private void grassrootsUnion(ProvinceUnits pu, String name, Long enterpriseId, Unit first, Unit then,
                                 LocalDate foundedOn, LocalDate dissolvedOn, int workforce, String investorCountry) {
        GrassrootsUnion g = new GrassrootsUnion();
        g.code = "CDCS-" + pu.spec.code() + "-" + String.format("%05d", ++unionSeq);
        g.name = name.length() > 255 ? name.substring(0, 255) : name;
        g.enterpriseId = enterpriseId;
        g.foundedOn = foundedOn;
        g.dissolvedOn = dissolvedOn;
        g.status = dissolvedOn == null ? GrassrootsUnionStatus.ACTIVE : GrassrootsUnionStatus.DISSOLVED;
        g.upperLevelUnitId = then != null ? then.id : first.id;
        persist(g);
        grassrootsUnions++;
        if (then != null) {
            placement(g, first, foundedOn, REFORM);
            placement(g, then, REFORM, null);
        } else {
            placement(g, first, foundedOn, dissolvedOn);
        }
        String oldCode = first.provinceCode != null && oldByCode.containsKey(first.provinceCode)
                && first.kind == UnitKind.UPPER_LEVEL_UNION && first.category == UnitCategory.DISTRICT
                ? first.provinceCode : pu.mainOld.code();
        UnionPlan plan = new UnionPlan(g.id, pu.spec.code(), oldCode, foundedOn, dissolvedOn, workforce,
                investorCountry);
        pu.unions.add(plan);
        allUnions.add(plan);
    }

    private void placement(GrassrootsUnion g, Unit unit, LocalDate from, LocalDate to) {
        GrassrootsUnionLink l = new GrassrootsUnionLink();
        l.grassrootsUnionId = g.id;
        l.unitId = unit.id;
        l.validFrom = from;
        l.validTo = to;
        defer(l);
        grassrootsLinks++;
    }

    // ---------------------------------------------------------------- members

    private void membersFor() {
        int[] sizes = memberCounts();
        for (int i = 0; i < allUnions.size(); i++) {
            UnionPlan u = allUnions.get(i);
            List<MemberPlan> plans = new ArrayList<>();
            for (int k = 0; k < sizes[i]; k++) {
                plans.add(vietnamese(u));
            }
            if (u.dissolvedOn == null && u.investorCountry != null && foreigners < DemoCatalog.FOREIGNERS.size()
                    && List.of("KR", "JP", "CN").contains(u.investorCountry) && !end.isBefore(REFORM.plusDays(30))
                    && rng.nextInt(4) == 0) {
                MemberPlan f = foreigner(u);
                if (f != null) {
                    plans.add(f);
                }
            }
            plans.sort(Comparator.comparing(m -> m.joinedHere));
            for (int k = 0; k < plans.size(); k++) {
                MemberPlan m = plans.get(k);
                // The first (longest-serving) member stays: they chair the union.
                if (k > 0) {
                    fate(u, m);
                }
                if (u.dissolvedOn != null) {
                    m.status = MemberStatus.LEFT;
                    m.leftOn = u.dissolvedOn;
                    m.leaveReason = "Doanh nghiệp giải thể";
                }
                persistMember(u, m);
            }
        }
    }

    /** Members per union: proportional to the workforce, at least 3, about {@link #TARGET_MEMBERS} in all. */
    private int[] memberCounts() {
        double lo = 0;
        double hi = 1;
        int[] sizes = new int[allUnions.size()];
        for (int iter = 0; iter < 40; iter++) {
            double scale = (lo + hi) / 2;
            int total = 0;
            for (int i = 0; i < sizes.length; i++) {
                sizes[i] = Math.max(3, (int) Math.round(allUnions.get(i).workforce * scale));
                total += sizes[i];
            }
            if (total > TARGET_MEMBERS) {
                hi = scale;
            } else {
                lo = scale;
            }
        }
        return sizes;
    }

    private MemberPlan vietnamese(UnionPlan u) {
        MemberPlan m = new MemberPlan();
        boolean female = rng.nextDouble() < 0.56;
        m.gender = female ? Gender.FEMALE : Gender.MALE;
        String surname = weighted(DemoCatalog.SURNAMES, DemoCatalog.SURNAME_WEIGHTS);
        m.fullName = female
                ? surname + " " + pick(DemoCatalog.FEMALE_MIDDLE) + " " + pick(DemoCatalog.FEMALE_GIVEN)
                : surname + " " + pick(DemoCatalog.MALE_MIDDLE) + " " + pick(DemoCatalog.MALE_GIVEN);
        LocalDate lo = later(FIRST_JOIN, u.foundedOn);
        LocalDate hi = u.dissolvedOn != null ? u.dissolvedOn.minusDays(30) : end;
        m.joinedHere = skewRecent(lo, hi, 0.6);
        m.joinedOn = m.joinedHere;
        int age = 19 + (int) Math.min(36, Math.abs(rng.nextGaussian() * 11));
        int year = Math.max(1965, Math.min(2006, m.joinedOn.getYear() - age));
        LocalDate dob = LocalDate.of(year, 1, 1).plusDays(rng.nextInt(365));
        if (dob.plusYears(18).isAfter(m.joinedOn)) {
            dob = dob.minusYears(1);
        }
        m.dateOfBirth = dob;
        String birthProvince = rng.nextDouble() < 0.6 ? u.oldProvinceCode
                : DemoCatalog.OLD_PROVINCES.get(rng.nextInt(DemoCatalog.OLD_PROVINCES.size())).code();
        m.nationalId = nationalId(birthProvince, female, dob.getYear());
        m.phone = rng.nextDouble() < 0.6 ? "09" + String.format("%08d", rng.nextInt(100_000_000)) : null;
        m.email = rng.nextDouble() < 0.3
                ? TextNormalizer.fold(m.fullName).replace(" ", "") + String.format("%02d", dob.getYear() % 100)
                + "@gmail.com" : null;
        return m;
    }

    /** CCCD: 3-digit birth province, century+gender digit, 2-digit birth year, 6-digit serial. */
    private String nationalId(String birthProvince, boolean female, int birthYear) {
        int centuryGender = (birthYear >= 2000 ? 2 : 0) + (female ? 1 : 0);
        String id;
        do {
            id = "0" + birthProvince + centuryGender + String.format("%02d", birthYear % 100)
                    + String.format("%06d", rng.nextInt(1_000_000));
        } while (!nationalIds.add(id));
        return id;
    }

    private MemberPlan foreigner(UnionPlan u) {
        String[] f = null;
        for (int i = 0; i < DemoCatalog.FOREIGNERS.size(); i++) {
            if (!usedForeigners.contains(i) && DemoCatalog.FOREIGNERS.get(i)[0].equals(u.investorCountry)) {
                f = DemoCatalog.FOREIGNERS.get(i);
                usedForeigners.add(i);
                break;
            }
        }
        if (f == null) {
            return null;
        }
        foreigners++;
        MemberPlan m = new MemberPlan();
        m.nationality = f[0];
        m.gender = f[1].equals("F") ? Gender.FEMALE : Gender.MALE;
        m.fullName = f[2];
        m.dateOfBirth = LocalDate.of(1975 + rng.nextInt(20), 1 + rng.nextInt(12), 1 + rng.nextInt(28));
        m.passportNumber = switch (f[0]) {
            case "KR" -> "M" + String.format("%08d", rng.nextInt(100_000_000));
            case "JP" -> "TK" + String.format("%07d", rng.nextInt(10_000_000));
            default -> "E" + String.format("%08d", rng.nextInt(100_000_000));
        };
        // Foreign workers may join since the 2024 Trade Union Law took effect on 1 July 2025.
        m.joinedHere = between(later(REFORM, u.foundedOn), end);
        m.joinedOn = m.joinedHere;
        m.email = TextNormalizer.fold(m.fullName).replace(" ", ".") + "@example.com";
        return m;
    }

    /** Some members came by transfer, some left, a very few died. */
    private void fate(UnionPlan u, MemberPlan m) {
        if (u.dissolvedOn != null || m.passportNumber != null) {
            return;
        }
        if (rng.nextDouble() < 0.012) {
            List<UnionPlan> candidates = provinces.get(u.provinceCode).unions;
            UnionPlan from = candidates.get(rng.nextInt(candidates.size()));
            LocalDate lo = later(FIRST_JOIN, from.foundedOn);
            LocalDate latest = m.joinedHere.minusDays(60);
            if (from.id != u.id && from.dissolvedOn == null && lo.isBefore(latest.minusDays(60))) {
                LocalDate joined = between(lo, latest);
                if (!m.dateOfBirth.plusYears(18).isAfter(joined)) {
                    m.transferredFrom = from;
                    m.joinedOn = joined;
                }
            }
        }
        double r = rng.nextDouble();
        LocalDate earliestLeave = m.joinedHere.plusDays(30);
        if (r < 0.085 && earliestLeave.isBefore(end)) {
            m.status = MemberStatus.LEFT;
            m.leftOn = between(earliestLeave, end);
            m.leaveReason = m.dateOfBirth.plusYears(60).isBefore(m.leftOn) ? "Nghỉ hưu"
                    : pick(DemoCatalog.LEAVE_REASONS);
        } else if (r < 0.087 && earliestLeave.isBefore(end)) {
            m.status = MemberStatus.DECEASED;
            m.leftOn = between(earliestLeave, end);
            m.leaveReason = "Từ trần";
        }
    }

    private void persistMember(UnionPlan u, MemberPlan p) {
        Member m = new Member();
        // The card number needs the id; a unique placeholder is replaced in bulk in finish().
        m.cardNumber = "TMP" + (members + 1);
        m.fullName = p.fullName;
        m.dateOfBirth = p.dateOfBirth;
        m.gender = p.gender;
        m.nationality = p.nationality;
        m.nationalId = p.nationalId;
        m.passportNumber = p.passportNumber;
        m.phone = p.phone;
        m.email = p.email;
        m.grassrootsUnionId = u.id;
        m.joinedOn = p.joinedOn;
        m.status = p.status;
        m.leftOn = p.leftOn;
        m.leaveReason = p.leaveReason;
        persist(m);
        members++;
        if (p.status == MemberStatus.ACTIVE) {
            activeMembers++;
        }
        if (p.transferredFrom != null) {
            period(m, p.transferredFrom.id, p.joinedOn, p.joinedHere, PeriodEndReason.TRANSFER);
            transfers++;
        }
        PeriodEndReason reason = switch (p.status) {
            case ACTIVE -> null;
            case DECEASED -> PeriodEndReason.DECEASED;
            case EXPELLED -> PeriodEndReason.EXPELLED;
            case LEFT -> PeriodEndReason.LEFT;
        };
        period(m, u.id, p.joinedHere, p.leftOn, reason);
        for (int year = 2024; year <= 2025; year++) {
            LocalDate evaluatedBy = LocalDate.of(year, 12, 15);
            boolean member = p.joinedOn.isBefore(LocalDate.of(year, 10, 1))
                    && (p.leftOn == null || p.leftOn.isAfter(LocalDate.of(year, 12, 31)));
            if (member && !evaluatedBy.isAfter(end) && rng.nextDouble() < 0.85) {
                MemberClassification c = new MemberClassification();
                c.key = new MemberClassification.Key(m.id, year);
                double r = rng.nextDouble();
                c.classification = r < 0.15 ? Classification.EXCELLENT : r < 0.75 ? Classification.GOOD
                        : r < 0.95 ? Classification.AVERAGE : Classification.WEAK;
                defer(c);
                classifications++;
            }
        }
    }

    private void period(Member m, long unionId, LocalDate start, LocalDate endOn, PeriodEndReason reason) {
        MembershipPeriod period = MembershipPeriod.of(m, unionId, start);
        period.endOn = endOn;
        period.endReason = reason;
        defer(period);
        periods++;
    }

    /** Card numbers from the ids, and each active union's longest-serving active member as its chair. */
    private void finish() {
        em.createNativeQuery("update member set card_number = concat('DV', lpad(cast(id as varchar(20)), 10, '0'))"
                + " where card_number like 'TMP%'").executeUpdate();
        em.createNativeQuery("update grassroots_union g set chair_member_id = (select min(m.id) from member m"
                + " where m.grassroots_union_id = g.id and m.status = 'ACTIVE') where g.status = 'ACTIVE'")
                .executeUpdate();
    }

    // ---------------------------------------------------------------- helpers

    private void persist(Object entity) {
        em.persist(entity);
        if (++pending >= FLUSH_EVERY) {
            flush();
        }
    }

    /**
     * Rows that depend on others (links, periods, classifications) are persisted just before the flush, grouped
     * by type: Hibernate batches only consecutive inserts into one table, and the ids they need are already known.
     */
    private void defer(Object entity) {
        deferred.computeIfAbsent(entity.getClass(), k -> new ArrayList<>()).add(entity);
        if (++pending >= FLUSH_EVERY) {
            flush();
        }
    }

    private void flush() {
        for (List<Object> entities : deferred.values()) {
            entities.forEach(em::persist);
        }
        deferred.clear();
        em.flush();
        em.clear();
        pending = 0;
    }

    private String pick(String[] values) {
        return values[rng.nextInt(values.length)];
    }

    private String pickFrom(List<String> values) {
        return values.get(rng.nextInt(values.size()));
    }

    private String weighted(String[] values, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = rng.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    /** Uniform in [lo, hi]. */
    private LocalDate between(LocalDate lo, LocalDate hi) {
        long days = ChronoUnit.DAYS.between(lo, hi);
        return days <= 0 ? lo : lo.plusDays((long) (rng.nextDouble() * (days + 1)));
    }

    /** In [lo, hi], leaning towards hi the smaller {@code exponent} is: recent years are busier. */
    private LocalDate skewRecent(LocalDate lo, LocalDate hi, double exponent) {
        long days = ChronoUnit.DAYS.between(lo, hi);
        return days <= 0 ? lo : lo.plusDays((long) (Math.pow(rng.nextDouble(), exponent) * days));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
