package vn.doanvien.member;

/** Why a membership period ended. */
public enum PeriodEndReason {
    TRANSFER,
    LEFT,
    DECEASED,
    EXPELLED
}
