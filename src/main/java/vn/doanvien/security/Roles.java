package vn.doanvien.security;

/** The four roles of the API; the README (Security, Roles) says what each may do. */
public final class Roles {

    /** Everything, everywhere. */
    public static final String ADMIN = "ADMIN";
    /** Reads and writes inside the subtree of one unit (today's tree); API keys act as officers of their unit. */
    public static final String OFFICER = "OFFICER";
    /** Aggregates, targets and statistics nationally; no personal data. */
    public static final String ANALYST = "ANALYST";
    /** Their own member record and card. */
    public static final String MEMBER = "MEMBER";

    private Roles() {
    }
}
