package vn.doanvien.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.Params;
import vn.doanvien.figures.Dimension;
import vn.doanvien.figures.DimensionFigures;
import vn.doanvien.stats.StatsDtos.GroupBy;

/**
 * A statistic's filter, {@code DIMENSION:VALUE} ({@code OWNERSHIP:FOREIGN_INVESTED}): the rows of a dimension for the
 * members and unions that have that value in another. It reads the pair that crosses the two dimensions, so it is
 * offered for the dimensions a pair crosses (the pairs of {@link Dimension}), and for the filter's own dimension
 * (its one row).
 */
record Where(Dimension dimension, String value) {

    static final String PARAMETER = "where";

    /** The filter a {@code where} parameter names, or null without one. */
    static Where parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int colon = text.indexOf(':');
        String value = colon < 0 ? "" : text.substring(colon + 1).trim();
        if (colon <= 0 || value.isEmpty()) {
            throw ApiProblem.invalid(PARAMETER, "must be DIMENSION:VALUE, for example OWNERSHIP:FOREIGN_INVESTED");
        }
        GroupBy by = Params.enumValue(PARAMETER, text.substring(0, colon).trim(), GroupBy.class);
        if (by == GroupBy.CHILD_UNIT || by.dimension().isPair()) {
            throw ApiProblem.invalid(PARAMETER, "filters by one dimension (" + singles() + ")");
        }
        return new Where(by.dimension(), value);
    }

    /** The dimension whose rows answer {@code groupBy} under this filter; a 400 naming the filter if none does. */
    Dimension pairWith(GroupBy groupBy) {
        Dimension g = groupBy == null || groupBy == GroupBy.CHILD_UNIT ? null : groupBy.dimension();
        if (g == dimension) {
            return g;
        }
        List<String> offered = new ArrayList<>();
        for (Dimension d : Dimension.kept()) {
            if (d.isPair() && d.involves(dimension)) {
                Dimension other = d.first() == dimension ? d.second() : d.first();
                if (other == g) {
                    return d;
                }
                offered.add(other.name());
            }
        }
        throw ApiProblem.invalid(PARAMETER, dimension + " filters groupBy " + (offered.isEmpty() ? ""
                : String.join(", ", offered) + " or ") + dimension + " (the dimensions kept crossed with it)");
    }

    /**
     * The rows of {@code groupBy}'s dimension where this filter's dimension has its value, keyed by the value in
     * {@code groupBy}'s dimension, from the rows of {@code read} (the pair, or the filter's own dimension).
     */
    Map<String, DimensionFigures.Point> select(Dimension read, Map<String, DimensionFigures.Point> rows) {
        Map<String, DimensionFigures.Point> out = new LinkedHashMap<>();
        rows.forEach((key, point) -> {
            String[] parts = Dimension.parts(key);
            if (read == dimension) {
                if (key.equals(value)) {
                    out.put(key, point);
                }
            } else if (parts.length == 2) {
                boolean firstIsFilter = read.first() == dimension;
                if ((firstIsFilter ? parts[0] : parts[1]).equals(value)) {
                    out.put(firstIsFilter ? parts[1] : parts[0], point);
                }
            }
        });
        return out;
    }

    @Override
    public String toString() {
        return dimension.name() + ":" + value;
    }

    private static String singles() {
        List<String> names = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            if (!d.isPair()) {
                names.add(d.name());
            }
        }
        return String.join(", ", names);
    }
}
