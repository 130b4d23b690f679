package vn.doanvien.target;

/** What a target counts in its scope's subtree. */
public enum TargetMetric {
    /** Members active on the day. */
    ACTIVE_MEMBERS,
    /** Members who joined after the baseline date, up to the day (gross recruitment). */
    NEW_MEMBERS,
    /** Grassroots unions active on the day. */
    GRASSROOTS_UNIONS,
    /** Percentage of enterprises with at least minWorkforce workers that have an active grassroots union. */
    ENTERPRISE_COVERAGE;

    /** Whether child targets add up to the parent (a percentage does not). */
    boolean isAdditive() {
        return this != ENTERPRISE_COVERAGE;
    }
}
