package vn.doanvien.training;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * A course's completion rule applied to one trainee. The comparison is done in integers
 * ({@code attended * 100 >= minPercent * sessions}) so that 4 of 5 sessions is exactly 80%.
 */
final class CompletionRule {

    private CompletionRule() {
    }

    static boolean isMet(TrainingCourse course, int attended, boolean assignmentSubmitted) {
        boolean enoughSessions = (long) attended * 100 >= (long) course.minAttendancePercent * course.sessions;
        return enoughSessions && (assignmentSubmitted || !course.assignmentRequired);
    }

    static CompletionStatus status(TrainingCourse course, int attended, boolean assignmentSubmitted, LocalDate today) {
        if (isMet(course, attended, assignmentSubmitted)) {
            return CompletionStatus.COMPLETED;
        }
        if (!course.hasEndedOn(today)) {
            return CompletionStatus.IN_PROGRESS;
        }
        return attended == 0 ? CompletionStatus.NEVER_ATTENDED : CompletionStatus.NOT_COMPLETED;
    }

    /** {@code part / whole} as a percentage with one decimal; null when {@code whole} is 0. */
    static BigDecimal percentOf(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
