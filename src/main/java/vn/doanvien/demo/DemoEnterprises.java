package vn.doanvien.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.doanvien.demo.DemoCatalog.Province;
import vn.doanvien.demo.DemoCatalog.SectoralChild;
import vn.doanvien.demo.DemoCatalog.SectoralGrassroots;
import vn.doanvien.demo.DemoCatalog.ZoneUnion;
import vn.doanvien.demo.DemoDataGenerator.ProvinceUnits;
import vn.doanvien.enterprise.Enterprise;
import vn.doanvien.enterprise.Ownership;
import vn.doanvien.organisation.Unit;

import static vn.doanvien.demo.DemoDataGenerator.capitalize;
import static vn.doanvien.demo.DemoDataGenerator.wardName;

/**
 * The demo enterprises, for {@link DemoDataGenerator}: per province its share of foreign-invested, state and private
 * companies with names, tax codes, workforces and addresses in an industrial zone or a ward, and the state companies
 * of the sectoral unions' grassroots unions. Draws from the generator's shared {@link DemoDraws}, in its order.
 */
final class DemoEnterprises {

    private final DemoDraws draws;
    private final DemoWriter writer;
    private final LocalDate end;
    private final Set<String> taxCodes = new HashSet<>();
    private final Set<String> enterpriseNames = new HashSet<>();
    private int count;

    DemoEnterprises(DemoDraws draws, DemoWriter writer, LocalDate end) {
        this.draws = draws;
        this.writer = writer;
        this.end = end;
    }

    /** How many were written. */
    int count() {
        return count;
    }

    /** The enterprises of every province of the new map, with branches of some larger ones in another province. */
    List<Enterprise> generate(Collection<ProvinceUnits> provinces) {
        List<Enterprise> all = new ArrayList<>();
        for (SectoralChild c : DemoCatalog.SECTORAL_CHILDREN) {
            for (SectoralGrassroots g : c.grassroots()) {
                if (g.taxCode() != null) {
                    taxCodes.add(g.taxCode());
                }
            }
        }
        for (ProvinceUnits pu : provinces) {
            Province p = pu.spec;
            for (int i = 0; i < p.enterprises(); i++) {
                all.add(enterprise(pu));
            }
        }
        // Branches (tax code with -00n) of some larger companies, in another province.
        Map<String, Integer> branchesOf = new HashMap<>();
        List<ProvinceUnits> list = new ArrayList<>(provinces);
        int heads = all.size();
        for (int i = 0; i < 24; i++) {
            Enterprise head = all.get(draws.nextInt(heads));
            ProvinceUnits pu = list.get(draws.nextInt(list.size()));
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
            b.workforce = 10 + draws.nextInt(Math.max(20, head.workforce / 3));
            b.workforceAsOf = workforceDate();
            Unit ward = pu.ward(draws);
            b.upperLevelUnitId = ward.id;
            b.address = capitalize(wardName(ward)) + ", " + pu.spec.label();
            writer.persist(b);
            count++;
            all.add(b);
        }
        return all;
    }

    private Enterprise enterprise(ProvinceUnits pu) {
        Province p = pu.spec;
        Enterprise e = new Enterprise();
        double r = draws.nextDouble();
        e.ownership = r < p.fdiShare() ? Ownership.FOREIGN_INVESTED
                : r < p.fdiShare() + 0.06 ? Ownership.STATE : Ownership.PRIVATE;
        e.provinceCode = p.code();
        String brand;
        String activity;
        String form;
        if (e.ownership == Ownership.FOREIGN_INVESTED) {
            e.investorCountry = draws.weighted(DemoCatalog.FDI_COUNTRIES, DemoCatalog.FDI_COUNTRY_WEIGHTS);
            e.industry = draws.pick(new String[] {"C", "C", "C", "C", "C", "C", "C", "C", "C", "C", "C", "C", "C", "C",
                    "C", "C", "G", "H", "J", "I"});
            List<String> brands = DemoCatalog.brands(e.investorCountry);
            brand = brands.get(draws.nextInt(brands.size())) + (draws.nextBoolean() ? " Việt Nam" : "");
            activity = draws.pickFrom(DemoCatalog.fdiActivities(e.industry));
            form = "Công ty TNHH";
            e.workforce = workforce(Math.log(250), 1.2);
        } else if (e.ownership == Ownership.STATE) {
            e.industry = draws.pick(new String[] {"H", "H", "H", "F", "F", "C", "C", "K", "G", "J"});
            brand = draws.pickFrom(DemoCatalog.DOMESTIC_BRANDS);
            activity = draws.pickFrom(DemoCatalog.activities(e.industry));
            form = draws.nextBoolean() ? "Công ty TNHH MTV" : "Tổng công ty";
            e.workforce = workforce(Math.log(180), 0.8);
        } else {
            e.industry = draws.pick(new String[] {"C", "C", "C", "C", "C", "C", "C", "C", "C", "F", "F", "F", "G", "G",
                    "G", "H", "H", "I", "I", "J", "K", "P", "Q"});
            brand = draws.pickFrom(DemoCatalog.DOMESTIC_BRANDS);
            activity = draws.pickFrom(DemoCatalog.activities(e.industry));
            form = draws.nextInt(3) == 0 ? "Công ty TNHH" : "Công ty Cổ phần";
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
                && draws.nextDouble() < (e.ownership == Ownership.FOREIGN_INVESTED ? 0.85 : 0.35);
        if (industrial) {
            Unit zone = pu.zones.get(draws.nextInt(pu.zones.size()));
            e.upperLevelUnitId = zone.id;
            List<String> names = zoneNames(zone);
            String zn = names.get(draws.nextInt(names.size()));
            e.address = (zn.startsWith("Khu") ? zn : "Khu công nghiệp " + zn) + ", " + p.label();
        } else {
            Unit ward = pu.ward(draws);
            e.upperLevelUnitId = ward.id;
            e.address = (1 + draws.nextInt(300)) + " đường " + draws.pickFrom(STREETS) + ", " + wardName(ward) + ", "
                    + p.label();
        }
        // A workers' organisation outside VGCL shows up mostly in large foreign-invested companies.
        e.hasIndependentWorkersOrganisation = e.ownership == Ownership.FOREIGN_INVESTED && e.workforce >= 300
                && draws.nextDouble() < 0.08;
        writer.persist(e);
        count++;
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

    LocalDate workforceDate() {
        LocalDate d = LocalDate.of(2026, 1, 1);
        return d.isAfter(end) ? end : d;
    }

    private int workforce(double mu, double sigma) {
        long w = Math.round(Math.exp(mu + sigma * draws.nextGaussian()));
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
            code = prefix + String.format("%08d", draws.nextInt(100_000_000));
        } while (!taxCodes.add(code));
        return code;
    }

    /** The state company of a sectoral union's grassroots union, placed under {@code upper}. */
    Enterprise ofSectoralUnion(SectoralGrassroots g, Unit upper, String address) {
        Enterprise e = new Enterprise();
        e.taxCode = g.taxCode();
        e.name = g.name();
        e.ownership = Ownership.STATE;
        e.industry = g.industry();
        e.provinceCode = g.provinceCode();
        e.address = address;
        e.workforce = g.workforce();
        e.workforceAsOf = workforceDate();
        e.upperLevelUnitId = upper.id;
        writer.persist(e);
        count++;
        return e;
    }
}
