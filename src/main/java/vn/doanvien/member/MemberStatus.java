package vn.doanvien.member;

/** A member is ACTIVE until they leave, die or are expelled. */
public enum MemberStatus {
    ACTIVE,
    LEFT,
    DECEASED,
    EXPELLED
}
