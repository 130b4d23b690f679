package vn.doanvien.enterprise;

/** Ownership type of an enterprise. */
public enum Ownership {
    STATE,
    PRIVATE,
    FOREIGN_INVESTED
}
