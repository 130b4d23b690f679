package vn.doanvien.figures;

import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The oracle of {@link DimensionFiguresTest}: the statistics by dimension counted from the registry's own rows (stays,
 * members, the dated tree, unions and their enterprises), without the figures, for any unit, dimension and period.
 */
final class RegistryOracle {

    record Stay(long member, long union, LocalDate start, LocalDate end, String endReason, boolean join) {
    }

    record Person(String gender, LocalDate born, String nationality) {
    }

    record Link(long child, long parent, LocalDate from, LocalDate to) {
        boolean on(LocalDate d) {
            return !from.isAfter(d) && (to == null || d.isBefore(to));
        }
    }

    record Registry(List<Stay> stays, Map<Long, Person> people, List<Link> unitLinks, List<Link> unionLinks,
                    Map<Long, String[]> workplace, Map<Long, Integer> workforce, Map<Long, LocalDate[]> life,
                    Map<Long, String> unitProvince, Map<Long, Long> unionUnitNow) {
    }

    private final Registry r;

    RegistryOracle(Registry r) {
        this.r = r;
    }

    boolean under(long union, long scope, LocalDate d) {
        for (Link l : r.unionLinks()) {
            if (l.child() == union && l.on(d)) {
                long u = l.parent();
                for (int i = 0; i < 10; i++) {
                    if (u == scope) {
                        return true;
                    }
                    Long parent = null;
                    for (Link ul : r.unitLinks()) {
                        if (ul.child() == u && ul.on(d)) {
                            parent = ul.parent();
                        }
                    }
                    if (parent == null) {
                        return false;
                    }
                    u = parent;
                }
            }
        }
        return false;
    }

    String value(Dimension dim, Stay s, LocalDate d) {
        if (dim.isPair()) {
            return value(dim.first(), s, d) + "|" + value(dim.second(), s, d);
        }
        Person p = r.people().get(s.member());
        String[] w = r.workplace().get(s.union());
        return switch (dim) {
            case GENDER -> p.gender() == null ? "UNKNOWN" : p.gender();
            case AGE_BAND -> p.born() == null ? "UNKNOWN" : band(Period.between(p.born(), d).getYears());
            case NATIONALITY -> p.nationality() == null ? "VN" : p.nationality();
            default -> workplaceValue(dim, s.union());
        };
    }

    String workplaceValue(Dimension dim, long union) {
        if (dim.isPair()) {
            return workplaceValue(dim.first(), union) + "|" + workplaceValue(dim.second(), union);
        }
        String[] w = r.workplace().get(union);
        return switch (dim) {
            case PROVINCE -> w != null ? w[0] : orUnknown(r.unitProvince().get(r.unionUnitNow().get(union)));
            case OWNERSHIP -> w == null ? "NO_ENTERPRISE" : w[1];
            case INDUSTRY -> w == null ? "NO_ENTERPRISE" : w[2];
            case INVESTOR_COUNTRY -> w == null ? "NO_ENTERPRISE" : w[3] == null ? "NONE" : w[3];
            case SIZE_BAND -> {
                Integer n = r.workforce().get(union);
                yield w == null ? "NO_ENTERPRISE" : n == null ? "UNKNOWN" : n < 25 ? "UNDER_25"
                        : n < 100 ? "25_99" : n < 300 ? "100_299" : n < 1000 ? "300_999" : "1000_AND_OVER";
            }
            default -> throw new IllegalStateException();
        };
    }

    private static String orUnknown(String s) {
        return s == null ? "UNKNOWN" : s;
    }

    private static String band(int age) {
        return age < 25 ? "UNDER_25" : age < 35 ? "25_34" : age < 45 ? "35_44" : age < 55 ? "45_54"
                : "55_AND_OVER";
    }

    Map<String, long[]> expected(long scope, Dimension dim, LocalDate f, LocalDate d) {
        Map<String, long[]> out = new HashMap<>();
        java.util.function.Function<String, long[]> row = v -> out.computeIfAbsent(v,
                k -> new long[] {0, 0, 0, dim.workplace() ? 0 : -1, dim.workplace() ? 0 : -1});
        for (Stay s : r.stays()) {
            if (!s.start().isAfter(d) && (s.end() == null || s.end().isAfter(d)) && under(s.union(), scope, d)) {
                row.apply(value(dim, s, d))[0]++;
            }
            if (s.join() && !s.start().isBefore(f) && !s.start().isAfter(d) && under(s.union(), scope, s.start())) {
                row.apply(value(dim, s, s.start()))[1]++;
            }
            if (s.end() != null && !"TRANSFER".equals(s.endReason()) && !s.end().isBefore(f)
                    && !s.end().isAfter(d) && under(s.union(), scope, s.end().minusDays(1))) {
                row.apply(value(dim, s, s.end().minusDays(1)))[2]++;
            }
        }
        if (dim.workplace()) {
            for (Map.Entry<Long, LocalDate[]> e : r.life().entrySet()) {
                long g = e.getKey();
                LocalDate[] life = e.getValue();
                boolean active = !life[0].isAfter(d) && (life[1] == null || life[1].isAfter(d));
                if (active && under(g, scope, d)) {
                    long[] v = row.apply(workplaceValue(dim, g));
                    v[3]++;
                    Integer workforce = r.workforce().get(g);
                    v[4] += workforce == null ? 0 : workforce;
                }
            }
        }
        out.values().removeIf(v -> v[0] == 0 && v[1] == 0 && v[2] == 0 && v[3] <= 0);
        return out;
    }
}
