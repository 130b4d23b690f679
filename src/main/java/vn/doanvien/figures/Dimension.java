package vn.doanvien.figures;

import java.util.List;

/**
 * The dimensions the membership figures are split by, one enum constant each: the rows of
 * {@code unit_dimension_figure} carry the dimension's name and the member's value in it, so a new statistic is a
 * new constant here, its value in {@link Traits#valueOf}, and its test; no new table, no new read path.
 * <ul>
 * <li>person dimensions come from the member record as it is now, except {@link #AGE_BAND}, which a member moves
 * through with time: on the birthdays that cross a band boundary their stay leaves one band and enters the next
 * (booked as reclassifications), so a band on any day is exact;</li>
 * <li>workplace dimensions come from the grassroots union's enterprise as it is now (the province falls back to
 * the upper-level unit's when the union has no enterprise).</li>
 * </ul>
 * Two dimensions crossed are a dimension too (a <em>pair</em>): its value is the two values joined by
 * {@link #SEPARATOR} ({@code FOREIGN_INVESTED|C}), its rows are kept like any other's, and a unit below level 2
 * computes it from its stays like any other. Each pair adds rows to every write (about as many as its parts' values
 * crossed have activity on a day), so only the pairs declared here are kept; a new pair, like a new dimension, is
 * built from the registry at the first start that knows it ({@link DimensionsBuild}).
 */
public enum Dimension {
    GENDER(false),
    AGE_BAND(false),
    NATIONALITY(false),
    PROVINCE(true),
    OWNERSHIP(true),
    INDUSTRY(true),
    INVESTOR_COUNTRY(true),
    SIZE_BAND(true),
    /** Gender by age band: young and women members, the two groups recruitment campaigns report on. */
    GENDER_AGE_BAND(GENDER, AGE_BAND),
    /** Ownership by industry (VSIC section): foreign-invested manufacturing and the like. */
    OWNERSHIP_INDUSTRY(OWNERSHIP, INDUSTRY),
    /** Ownership by enterprise size band: the enterprises of 25 workers and more that the unions aim at. */
    OWNERSHIP_SIZE_BAND(OWNERSHIP, SIZE_BAND);

    /**
     * The pairs a deployment keeps, by name, comma-separated, or {@code none}; every declared pair when absent. Each
     * pair adds its rows to every write: with the three pairs, bulk sync wrote 0.65× the members per second
     * (bench/sync/RESULTS.md), so a federation whose machine clients sync large volumes may keep fewer.
     */
    public static final String PAIRS_PROPERTY = "doanvien.figures.pairs";

    /** The value of members, workplaces or enterprises that have none in the dimension. */
    public static final String NONE = "NONE";
    /** Between the two values of a pair's value. */
    public static final String SEPARATOR = "|";

    private final boolean workplace;
    private final Dimension first;
    private final Dimension second;

    Dimension(boolean workplace) {
        this.workplace = workplace;
        this.first = null;
        this.second = null;
    }

    Dimension(Dimension first, Dimension second) {
        this.workplace = first.workplace && second.workplace;
        this.first = first;
        this.second = second;
    }

    /**
     * True for dimensions of the grassroots union's workplace, false for those of the member; a pair is a workplace
     * dimension when both its parts are (only then are grassroots unions and workforce split by it).
     */
    public boolean workplace() {
        return workplace;
    }

    private static volatile Kept kept;

    /** The kept dimensions, for the configuration they were read from (a test may start the app with another). */
    private record Kept(org.eclipse.microprofile.config.Config config, List<Dimension> dimensions) {
    }

    /**
     * The dimensions whose figures are kept (and offered): every single dimension, and the pairs named by
     * {@value #PAIRS_PROPERTY}.
     */
    public static List<Dimension> kept() {
        org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        Kept k = kept;
        if (k == null || k.config() != config) {
            k = new Kept(config, keptOf(config.getOptionalValue(PAIRS_PROPERTY, String.class).orElse(null)));
            kept = k;
        }
        return k.dimensions();
    }

    /** The kept dimensions for a value of {@value #PAIRS_PROPERTY}; a name that is not a pair stops the start. */
    static List<Dimension> keptOf(String pairs) {
        java.util.Set<Dimension> named = java.util.EnumSet.noneOf(Dimension.class);
        if (pairs == null) {
            for (Dimension d : values()) {
                if (d.isPair()) {
                    named.add(d);
                }
            }
        } else if (!pairs.isBlank() && !pairs.trim().equalsIgnoreCase("none")) {
            for (String name : pairs.split(",")) {
                Dimension d;
                try {
                    d = valueOf(name.trim());
                } catch (IllegalArgumentException e) {
                    d = null;
                }
                if (d == null || !d.isPair()) {
                    throw new IllegalStateException(PAIRS_PROPERTY + ": " + name.trim() + " is not a pair of "
                            + "dimensions (none, or some of " + java.util.Arrays.stream(values())
                            .filter(Dimension::isPair).map(Dimension::name).toList() + ")");
                }
                named.add(d);
            }
        }
        List<Dimension> result = new java.util.ArrayList<>();
        for (Dimension d : values()) {
            if (!d.isPair() || named.contains(d)) {
                result.add(d);
            }
        }
        return List.copyOf(result);
    }

    /** Whether this dimension's figures are kept in this deployment (single dimensions always are). */
    public boolean isKept() {
        return !isPair() || kept().contains(this);
    }

    /** Whether this is two dimensions crossed. */
    public boolean isPair() {
        return first != null;
    }

    /** The first dimension of a pair (null for a single dimension). */
    public Dimension first() {
        return first;
    }

    /** The second dimension of a pair (null for a single dimension). */
    public Dimension second() {
        return second;
    }

    /** Whether this dimension is, or crosses, {@code part}. */
    public boolean involves(Dimension part) {
        return this == part || first == part || second == part;
    }

    /** A pair's value from the values of its two parts. */
    public static String pairValue(String first, String second) {
        return first + SEPARATOR + second;
    }

    /** The values of a pair's two parts, or the value alone (a single dimension, or a row such as NOT_SPLIT). */
    public static String[] parts(String value) {
        int i = value.indexOf(SEPARATOR);
        return i < 0 ? new String[] {value} : new String[] {value.substring(0, i), value.substring(i + 1)};
    }

    /**
     * The order the values of this dimension are shown in: the dimension's own order where it has one (genders,
     * age bands, size bands), then by name; values nobody has come last. A pair's values: by the first part, then
     * by the second.
     */
    public java.util.Comparator<String> order() {
        if (isPair()) {
            java.util.Comparator<String> a = first.order();
            java.util.Comparator<String> b = second.order();
            return (x, y) -> {
                String[] px = parts(x);
                String[] py = parts(y);
                int c = a.compare(px[0], py[0]);
                if (c != 0 || px.length == 1 || py.length == 1) {
                    return c != 0 ? c : Integer.compare(px.length, py.length);
                }
                return b.compare(px[1], py[1]);
            };
        }
        List<String> known = switch (this) {
            case GENDER -> List.of("MALE", "FEMALE", "OTHER");
            case AGE_BAND -> java.util.Arrays.stream(AgeBand.values()).map(AgeBand::label).toList();
            case SIZE_BAND -> List.of(Traits.SIZE_BANDS);
            default -> List.of();
        };
        List<String> last = List.of(NONE, Traits.NO_ENTERPRISE, Traits.UNKNOWN);
        return java.util.Comparator.comparingInt((String v) -> last.contains(v) ? 2 : known.contains(v) ? 0 : 1)
                .thenComparingInt(v -> known.indexOf(v))
                .thenComparing(java.util.Comparator.naturalOrder());
    }
}
