package vn.doanvien.figures;

/**
 * Where a grassroots union's members work, as the figures by dimension see it: its enterprise's province,
 * ownership, industry, investor country and workforce (null, or NONE, for a union without an enterprise, whose
 * province is its upper-level unit's).
 */
public record Workplace(String province, String ownership, String industry, String investorCountry,
                        Integer workforce, boolean hasEnterprise) {

    /** A union without an enterprise, placed under a unit of this province (null: none recorded). */
    public static Workplace withoutEnterprise(String unitProvince) {
        return new Workplace(unitProvince, null, null, null, null, false);
    }

    static final Workplace UNKNOWN = withoutEnterprise(null);
}
