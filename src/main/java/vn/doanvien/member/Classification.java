package vn.doanvien.member;

/** The yearly evaluation of a member (đánh giá, phân loại đoàn viên). */
public enum Classification {
    EXCELLENT,
    GOOD,
    AVERAGE,
    WEAK
}
