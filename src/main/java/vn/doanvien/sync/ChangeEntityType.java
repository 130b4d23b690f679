package vn.doanvien.sync;

/** The kinds of registry entities the change feed reports. */
public enum ChangeEntityType {
    UNIT, ENTERPRISE, GRASSROOTS_UNION, MEMBER
}
