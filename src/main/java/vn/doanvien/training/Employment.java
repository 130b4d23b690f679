package vn.doanvien.training;

/** Whether an official works for the union full-time (chuyên trách) or alongside another job (kiêm nhiệm). */
public enum Employment {
    FULL_TIME,
    PART_TIME
}
