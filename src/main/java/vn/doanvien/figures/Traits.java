package vn.doanvien.figures;

/** The value of a stay in each dimension: one place for the rule of every dimension. */
public final class Traits {

    private Traits() {
    }

    /** Size bands of an enterprise by workforce: the registry's own thresholds for recruitment (25) and scale. */
    public static final String[] SIZE_BANDS = {"UNDER_25", "25_99", "100_299", "300_999", "1000_AND_OVER"};

    /** Members and workplaces with no value recorded in a dimension. */
    public static final String UNKNOWN = "UNKNOWN";
    /** Members of grassroots unions outside enterprises (public agencies, schools), in enterprise dimensions. */
    public static final String NO_ENTERPRISE = "NO_ENTERPRISE";

    /** The value of a stay in a static dimension ({@link Dimension#AGE_BAND} changes with time: see AgeBand). */
    static String valueOf(Dimension dimension, MembershipSpan span, Workplace w) {
        if (dimension.isPair()) {
            return Dimension.pairValue(valueOf(dimension.first(), span, w), valueOf(dimension.second(), span, w));
        }
        return switch (dimension) {
            case GENDER -> span.gender() == null ? UNKNOWN : span.gender();
            case AGE_BAND -> AgeBand.on(span.dateOfBirth(), span.start()).label();
            case NATIONALITY -> span.nationality() == null ? "VN" : span.nationality();
            default -> workplaceValue(dimension, w);
        };
    }

    /** The value of a grassroots union's workplace in a workplace dimension. */
    static String workplaceValue(Dimension dimension, Workplace w) {
        if (dimension.isPair()) {
            return Dimension.pairValue(workplaceValue(dimension.first(), w), workplaceValue(dimension.second(), w));
        }
        Workplace workplace = w == null ? Workplace.UNKNOWN : w;
        boolean enterprise = workplace.hasEnterprise();
        return switch (dimension) {
            case PROVINCE -> orElse(workplace.province(), UNKNOWN);
            case OWNERSHIP -> enterprise ? orElse(workplace.ownership(), UNKNOWN) : NO_ENTERPRISE;
            case INDUSTRY -> enterprise ? orElse(workplace.industry(), UNKNOWN) : NO_ENTERPRISE;
            case INVESTOR_COUNTRY -> enterprise ? orElse(workplace.investorCountry(), Dimension.NONE) : NO_ENTERPRISE;
            case SIZE_BAND -> sizeBand(workplace);
            default -> throw new IllegalArgumentException(dimension + " is not a workplace dimension");
        };
    }

    static String sizeBand(Workplace w) {
        if (!w.hasEnterprise()) {
            return NO_ENTERPRISE;
        }
        if (w.workforce() == null) {
            return UNKNOWN;
        }
        int n = w.workforce();
        return n < 25 ? SIZE_BANDS[0] : n < 100 ? SIZE_BANDS[1] : n < 300 ? SIZE_BANDS[2] : n < 1000 ? SIZE_BANDS[3]
                : SIZE_BANDS[4];
    }

    private static String orElse(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
