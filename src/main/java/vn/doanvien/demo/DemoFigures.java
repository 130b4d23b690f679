package vn.doanvien.demo;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import vn.doanvien.figures.ReportedFigure;
import vn.doanvien.organisation.Unit;
import vn.doanvien.target.Target;
import vn.doanvien.target.TargetMetric;

/**
 * The demo's reported figures and targets: the national history from DOMAIN.md as the Confederation's
 * reports, synthetic monthly reports of the 34 federations and the sectoral unions since the 2025 reform
 * (labelled as such), the 15-million target allocated to the 34 federations, and the 100% coverage target.
 */
final class DemoFigures {

    static final String SYNTHETIC = "Số liệu minh hoạ cho bản demo (synthetic demo figure), không phải số liệu thật";
    static final YearMonth REFORM = YearMonth.of(2025, 7);
    static final long NATIONAL_AT_REFORM = 12_050_000;
    static final YearMonth BASELINE = YearMonth.of(2023, 12);
    static final long NATIONAL_AT_BASELINE = 11_000_000;
    static final Map<String, Long> SECTORAL_AT_REFORM = Map.of(
            "CDN-GD", 1_300_000L, "CDN-VC", 880_000L, "CDN-DK", 58_000L);

    private final EntityManager em;
    private final YearMonth lastReported;
    private final Random rng = new Random(20281231);

    DemoFigures(EntityManager em, LocalDate today) {
        this.em = em;
        this.lastReported = YearMonth.from(today).minusMonths(1);
    }

    /** Writes the reports and targets; returns how many reports. */
    int write() {
        Unit root = byCode("VGCL");
        int reports = 0;
        // The national history (DOMAIN.md). Yearly recruitment is recorded on the year's last report.
        reports += report(root, YearMonth.of(2013, 12), 8_558_063L, 119_342, null, "Cuối năm 2013");
        reports += report(root, YearMonth.of(2019, 12), 10_500_000L, null, null, "Năm 2019: 10,5 triệu");
        reports += report(root, YearMonth.of(2020, 12), 10_350_000L, 124_000, null, "Năm 2020");
        reports += report(root, YearMonth.of(2022, 5), 10_500_000L, null, null, "Tháng 5/2022: khoảng 10,5 triệu");
        reports += report(root, YearMonth.of(2023, 12), 11_000_000L, null, 858_886L,
                "Tháng 12/2023: trên 11 triệu; 858.886 đoàn viên mới cả năm 2023 (53,55% kế hoạch)");
        reports += report(root, YearMonth.of(2024, 10), 11_800_000L, 127_000, null,
                "Tháng 10/2024: trên 11,8 triệu đoàn viên, trên 127.000 CĐCS");
        reports += report(root, YearMonth.of(2024, 12), null, null, 1_230_459L,
                "1.230.459 đoàn viên mới cả năm 2024, 10.976 CĐCS mới");

        // Since the reform: every level-2 unit reports monthly, and the Confederation the sum.
        Map<Unit, double[]> level2 = new LinkedHashMap<>();
        long sectoralTotal = SECTORAL_AT_REFORM.values().stream().mapToLong(Long::longValue).sum();
        double weights = DemoCatalog.PROVINCES.stream().mapToDouble(p -> 4 + p.enterprises()).sum();
        for (DemoCatalog.Province p : DemoCatalog.PROVINCES) {
            double base = (NATIONAL_AT_REFORM - sectoralTotal) * (4 + p.enterprises()) / weights;
            level2.put(byCode("LDLD-" + p.code()), new double[] {base, growth()});
        }
        SECTORAL_AT_REFORM.forEach((code, base) -> level2.put(byCode(code), new double[] {base, growth()}));
        // The targets' baseline month: each of today's level-2 units estimated within today's borders, in proportion
        // to its size at the reform, summing to the Confederation's report of December 2023 (so each province's
        // progress has a real baseline, not the 0 of a unit that did not exist yet).
        for (Map.Entry<Unit, double[]> e : level2.entrySet()) {
            reports += report(e.getKey(), BASELINE, Math.round(e.getValue()[0] * NATIONAL_AT_BASELINE / NATIONAL_AT_REFORM),
                    null, null, SYNTHETIC + "; ước tính theo địa giới sau sáp nhập");
        }
        for (YearMonth m = REFORM; !m.isAfter(lastReported); m = m.plusMonths(1)) {
            long months = REFORM.until(m, java.time.temporal.ChronoUnit.MONTHS);
            long national = 0;
            long nationalJoined = 0;
            long nationalLeft = 0;
            for (Map.Entry<Unit, double[]> e : level2.entrySet()) {
                double base = e.getValue()[0];
                double g = e.getValue()[1];
                long members = Math.round(base * Math.pow(1 + g, months));
                long joined = Math.round(base * (g + 0.006));
                long left = Math.max(0, joined - (members - Math.round(base * Math.pow(1 + g, months - 1))));
                national += members;
                nationalJoined += joined;
                nationalLeft += left;
                reports += report(e.getKey(), m, members, null, joined, left, SYNTHETIC);
            }
            reports += report(root, m, national, null, nationalJoined, nationalLeft, SYNTHETIC);
        }

        Target members = target(root, "15 triệu đoàn viên vào năm 2028",
                "Nghị quyết Đại hội XIII Công đoàn Việt Nam (12/2023)", TargetMetric.ACTIVE_MEMBERS,
                BigDecimal.valueOf(15_000_000), null, null);
        for (Map.Entry<Unit, double[]> e : level2.entrySet()) {
            if (e.getKey().kind == vn.doanvien.organisation.UnitKind.PROVINCIAL_FEDERATION) {
                long share = Math.round(e.getValue()[0] * 15_000_000 / NATIONAL_AT_REFORM / 100) * 100;
                target(e.getKey(), members.name + " – " + e.getKey().name, members.reference,
                        TargetMetric.ACTIVE_MEMBERS, BigDecimal.valueOf(share), null, members.id);
            }
        }
        target(root, "CĐCS tại 100% doanh nghiệp từ 25 lao động", "Nghị quyết Đại hội XIII Công đoàn Việt Nam (12/2023)",
                TargetMetric.ENTERPRISE_COVERAGE, BigDecimal.valueOf(100), 25, null);
        return reports;
    }

    /** Monthly growth between 0.05% and 0.65%: some federations recruit faster than they lose members. */
    private double growth() {
        return 0.0005 + rng.nextDouble() * 0.006;
    }

    private Unit byCode(String code) {
        return em.createQuery("from Unit where code = :c", Unit.class).setParameter("c", code).getSingleResult();
    }

    private int report(Unit unit, YearMonth month, Long members, Integer unions, Long joined, String note) {
        return report(unit, month, members, unions, joined, null, note);
    }

    private int report(Unit unit, YearMonth month, Long members, Integer unions, Long joined, Long left, String note) {
        ReportedFigure f = new ReportedFigure();
        f.key = new ReportedFigure.Key(unit.id, month.atDay(1));
        f.members = members;
        f.grassrootsUnions = unions;
        f.joined = joined;
        f.left = left;
        f.note = note;
        em.persist(f);
        return 1;
    }

    private Target target(Unit scope, String name, String reference, TargetMetric metric, BigDecimal value,
                          Integer minWorkforce, Long parentId) {
        Target t = new Target();
        t.name = name;
        t.reference = reference;
        t.scopeUnitId = scope.id;
        t.metric = metric;
        t.targetValue = value;
        t.minWorkforce = minWorkforce;
        t.baselineDate = LocalDate.of(2023, 12, 31);
        t.deadline = LocalDate.of(2028, 12, 31);
        t.parentTargetId = parentId;
        em.persist(t);
        return t;
    }
}
