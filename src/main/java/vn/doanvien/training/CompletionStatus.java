package vn.doanvien.training;

/** Where a trainee stands on a course, computed from roll-call, the assignment and the course's rule. */
public enum CompletionStatus {
    /** The course's rule is met: enough sessions attended and, when required, the assignment submitted. */
    COMPLETED,
    /** The rule is not met yet but the course has not ended. */
    IN_PROGRESS,
    /** The course has ended and the rule is not met, although at least one session was attended. */
    NOT_COMPLETED,
    /** The course has ended and the trainee attended no session: enrolled without attending. */
    NEVER_ATTENDED
}
