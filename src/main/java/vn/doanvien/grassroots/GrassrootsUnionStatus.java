package vn.doanvien.grassroots;

/** Whether a grassroots union exists today. */
public enum GrassrootsUnionStatus {
    ACTIVE,
    DISSOLVED
}
