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
 */
public enum Dimension {
    GENDER(false),
    AGE_BAND(false),
    NATIONALITY(false),
    PROVINCE(true),
    OWNERSHIP(true),
    INDUSTRY(true),
    INVESTOR_COUNTRY(true),
    SIZE_BAND(true);

    /** The value of members, workplaces or enterprises that have none in the dimension. */
    public static final String NONE = "NONE";

    private final boolean workplace;

    Dimension(boolean workplace) {
        this.workplace = workplace;
    }

    /** True for dimensions of the grassroots union's workplace, false for those of the member. */
    public boolean workplace() {
        return workplace;
    }

    /**
     * The order the values of this dimension are shown in: the dimension's own order where it has one (genders,
     * age bands, size bands), then by name; values nobody has come last.
     */
    public java.util.Comparator<String> order() {
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
