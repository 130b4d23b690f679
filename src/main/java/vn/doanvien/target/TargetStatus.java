package vn.doanvien.target;

/** How a target stands; the thresholds are in {@link ProgressMath#status}. */
public enum TargetStatus {
    ACHIEVED,
    ON_TRACK,
    AT_RISK,
    OFF_TRACK
}
