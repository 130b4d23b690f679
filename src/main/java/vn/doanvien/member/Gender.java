package vn.doanvien.member;

/** Gender as recorded on the member's papers. */
public enum Gender {
    MALE,
    FEMALE,
    OTHER
}
