package vn.doanvien.demo;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import vn.doanvien.organisation.Unit;
import vn.doanvien.organisation.UnitCategory;
import vn.doanvien.organisation.UnitKind;
import vn.doanvien.organisation.UnitLink;

/**
 * Writes the demo registry through the entities inside the caller's transaction: the organisation tree, the
 * enterprises and the grassroots unions here, the members in {@link DemoMembers}. Every choice comes from one
 * fixed-seed {@link Random} ({@link DemoDraws}, shared in a fixed order) and dates stop at {@link #HORIZON}, so every
 * load produces the same rows.
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
    static final class ProvinceUnits {
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

        /** Mostly a ward that took over a district union, so that most grassroots unions have a pre-reform history. */
        Unit ward(DemoDraws draws) {
            int withHistory = (int) predecessorDistricts.stream().filter(d -> d != null).count();
            int bound = draws.nextDouble() < 0.8 ? withHistory : wards.size();
            return wards.get(draws.nextInt(bound));
        }
    }

    /** A grassroots union as the member generator needs it. */
    record UnionPlan(long id, String provinceCode, String oldProvinceCode, LocalDate foundedOn,
                             LocalDate dissolvedOn, int workforce, String investorCountry) {
    }


    private final EntityManager em;
    private final DemoDraws draws = new DemoDraws(new Random(SEED));
    private final DemoWriter writer;
    private final DemoEnterprises enterprises;
    private final LocalDate end;
    private final Map<String, ProvinceUnits> provinces = new LinkedHashMap<>();
    private final Map<String, Unit> oldFederations = new HashMap<>();
    private final Map<String, OldProvince> oldByCode = new HashMap<>();
    private final List<UnionPlan> allUnions = new ArrayList<>();
    private final Map<SectoralChild, Unit> sectoralChildren = new LinkedHashMap<>();
    private int units;
    private int unitLinks;
    private int grassrootsUnions;
    private int grassrootsLinks;
    private int unionSeq;

    DemoDataGenerator(EntityManager em, LocalDate today) {
        this.em = em;
        this.writer = new DemoWriter(em);
        LocalDate yesterday = today.minusDays(1);
        this.end = yesterday.isBefore(HORIZON) ? yesterday : HORIZON;
        this.enterprises = new DemoEnterprises(draws, writer, end);
    }

    Counts generate() {
        Unit root = unit(UnitKind.CONFEDERATION, null, "VGCL", "Tổng Liên đoàn Lao động Việt Nam", null,
                CONFEDERATION_FOUNDED, null);
        organisation(root);
        grassroots(enterprises.generate(provinces.values()));
        writer.flush();
        Map<String, List<UnionPlan>> unionsByProvince = new LinkedHashMap<>();
        provinces.forEach((code, pu) -> unionsByProvince.put(code, pu.unions));
        DemoMembers.Counts m = new DemoMembers(em, draws, writer, end, allUnions, unionsByProvince).generate();
        return new Counts(units, unitLinks, enterprises.count(), grassrootsUnions, grassrootsLinks, m.members(),
                m.activeMembers(), m.transfers(), m.periods(), m.classifications());
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
            LocalDate sectoralFrom = DemoDraws.later(LocalDate.of(2005, 1, 1), mainOld.validFrom);
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
        LocalDate validFrom = DemoDraws.later(from, oldParent.validFrom);
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
        writer.persist(u);
        units++;
        return u;
    }

    private void link(Unit unit, Unit parent, LocalDate from, LocalDate to) {
        UnitLink l = new UnitLink();
        l.unitId = unit.id;
        l.parentId = parent.id;
        l.validFrom = from;
        l.validTo = to;
        writer.defer(l);
        unitLinks++;
    }

    // ---------------------------------------------------------------- grassroots unions

    private void grassroots(List<Enterprise> companies) {
        int dissolved = 0;
        for (Enterprise e : companies) {
            ProvinceUnits pu = provinces.get(e.provinceCode);
            double chance = e.workforce >= 25 ? 0.70 : 0.10;
            if (draws.nextDouble() >= chance) {
                continue; // a recruitment lead
            }
            Unit home = byId(pu, e.upperLevelUnitId);
            boolean dissolve = dissolved < 6 && e.ownership == Ownership.PRIVATE && draws.nextInt(12) == 0
                    && (home.category != UnitCategory.COMMUNE_WARD || districtFor(pu, home) != null);
            if (dissolve) {
                dissolved++;
                LocalDate founded = draws.between(LocalDate.of(2012, 1, 1), LocalDate.of(2016, 6, 30));
                LocalDate dissolvedOn = draws.between(LocalDate.of(2019, 1, 1), LocalDate.of(2024, 12, 31));
                // The company closed: its union is dissolved and its members left.
                e = em.merge(e);
                e.workforce = 0;
                e.workforceAsOf = dissolvedOn;
                Unit placedUnder = home.category == UnitCategory.COMMUNE_WARD ? districtFor(pu, home) : home;
                grassrootsUnion(pu, "Công đoàn " + e.name, e.id, placedUnder, null, founded, dissolvedOn,
                        Math.max(30, e.workforce), e.investorCountry);
                continue;
            }
            LocalDate lo = DemoDraws.later(LocalDate.of(2008, 1, 1), home.validFrom);
            if (home.category == UnitCategory.COMMUNE_WARD && districtFor(pu, home) != null) {
                lo = DemoDraws.later(LocalDate.of(2008, 1, 1), districtFor(pu, home).validFrom);
            }
            LocalDate founded = draws.skewRecent(lo, end.minusDays(45), 0.8);
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
                    draws.between(DemoDraws.later(LocalDate.of(2006, 1, 1), health.validFrom), LocalDate.of(2014, 12, 31)), null,
                    150 + draws.nextInt(500), null);
            if (pu.sectoral.size() > 1) {
                Unit education = pu.sectoral.get(1);
                String name = DemoCatalog.SCHOOLS.get(school++ % DemoCatalog.SCHOOLS.size());
                grassrootsUnion(pu, "Công đoàn " + name, null, education, null,
                        draws.between(DemoDraws.later(LocalDate.of(2006, 1, 1), education.validFrom), LocalDate.of(2016, 12, 31)),
                        null, 40 + draws.nextInt(80), null);
            }
            // A school the first district union handed over to its successor ward on the reform.
            Unit district = pu.predecessorDistricts.get(0);
            String place = capitalize(district.name.substring("Liên đoàn Lao động ".length())
                    .replaceFirst("^(huyện|quận|thành phố|thị xã) (?=\\D)", ""));
            grassrootsUnion(pu, "Công đoàn Trường THCS " + place, null, district, pu.wards.get(0),
                    draws.between(DemoDraws.later(LocalDate.of(2006, 1, 1), district.validFrom), LocalDate.of(2014, 12, 31)), null,
                    35 + draws.nextInt(40), null);
            // The commune/ward people's committees formed with the reform.
            Unit ward = pu.wards.get(0);
            grassrootsUnion(pu, "Công đoàn cơ quan Ủy ban nhân dân " + wardName(ward), null, ward, null, REFORM,
                    null, 25 + draws.nextInt(20), null);
        }
        for (Map.Entry<SectoralChild, Unit> c : sectoralChildren.entrySet()) {
            for (SectoralGrassroots g : c.getKey().grassroots()) {
                Long enterpriseId = null;
                if (g.taxCode() != null) {
                    enterpriseId = enterprises.ofSectoralUnion(g, c.getValue(),
                            provinces.get(g.provinceCode()).spec.label()).id;
                }
                ProvinceUnits pu = provinces.get(g.provinceCode());
                LocalDate founded = draws.between(DemoDraws.later(LocalDate.of(2008, 1, 1), c.getValue().validFrom),
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
        writer.persist(g);
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
        writer.defer(l);
        grassrootsLinks++;
    }

    static String wardName(Unit ward) {
        return ward.name.substring("Công đoàn ".length());
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
