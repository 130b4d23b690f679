package vn.doanvien.target;

import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.target.TargetDtos.BreakdownRow;

/**
 * The order of a progress breakdown, from the {@code sort} parameter: a field, ascending, or descending with a
 * leading {@code -}, as lists are sorted. Rows without a value (no target, no pace) come last either way; the name
 * breaks ties. The default, {@code -gap}, puts the biggest gap first.
 */
final class BreakdownOrder {

    static final String DEFAULT = "-gap";
    static final String FIELDS = "gap, percentOfTarget, pacePerMonth, currentValue, name";

    private static final Map<String, Function<BreakdownRow, Comparable<?>>> KEYS = Map.of(
            "gap", BreakdownRow::gap,
            "percentOfTarget", BreakdownRow::percentOfTarget,
            "pacePerMonth", BreakdownRow::pacePerMonth,
            "currentValue", BreakdownRow::currentValue,
            "name", BreakdownRow::name);

    private BreakdownOrder() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Comparator<BreakdownRow> parse(String sort) {
        String s = sort == null || sort.isBlank() ? DEFAULT : sort.trim();
        boolean descending = s.startsWith("-");
        String field = descending ? s.substring(1) : s;
        Function<BreakdownRow, Comparable<?>> key = KEYS.get(field);
        if (key == null) {
            throw ApiProblem.invalid("sort", "must be one of " + FIELDS + ", with a leading - for descending");
        }
        Comparator<Comparable> values = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        Comparator<BreakdownRow> order = Comparator.comparing(r -> (Comparable) key.apply(r),
                Comparator.nullsLast(values));
        return order.thenComparing(r -> r.name() == null ? "" : r.name())
                .thenComparing(r -> r.unitId() == null ? 0L : r.unitId());
    }
}
