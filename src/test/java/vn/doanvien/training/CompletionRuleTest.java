package vn.doanvien.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CompletionRuleTest {

    private static final LocalDate AFTER = LocalDate.of(2024, 12, 1);

    private static TrainingCourse course(int sessions, int minPercent, boolean assignmentRequired) {
        TrainingCourse c = new TrainingCourse();
        c.sessions = sessions;
        c.minAttendancePercent = minPercent;
        c.assignmentRequired = assignmentRequired;
        c.startsOn = LocalDate.of(2024, 3, 1);
        c.endsOn = LocalDate.of(2024, 3, 10);
        return c;
    }

    @Test
    void seventyNinePercentIsNotEnoughEightyIs() {
        TrainingCourse c = course(100, 80, true);
        assertFalse(CompletionRule.isMet(c, 79, true));
        assertTrue(CompletionRule.isMet(c, 80, true));
        assertEquals(CompletionStatus.NOT_COMPLETED, CompletionRule.status(c, 79, true, AFTER));
        assertEquals(CompletionStatus.COMPLETED, CompletionRule.status(c, 80, true, AFTER));
        // 19 of 24 sessions is 79.2%, 20 of 25 exactly 80%.
        assertFalse(CompletionRule.isMet(course(24, 80, true), 19, true));
        assertTrue(CompletionRule.isMet(course(25, 80, true), 20, true));
    }

    @Test
    void aMissingAssignmentBlocksCompletionOnlyWhenRequired() {
        assertFalse(CompletionRule.isMet(course(5, 80, true), 5, false));
        assertEquals(CompletionStatus.NOT_COMPLETED, CompletionRule.status(course(5, 80, true), 5, false, AFTER));
        assertTrue(CompletionRule.isMet(course(5, 80, false), 4, false));
    }

    @Test
    void statusDependsOnTheCourseHavingEnded() {
        TrainingCourse c = course(5, 80, true);
        assertEquals(CompletionStatus.NEVER_ATTENDED, CompletionRule.status(c, 0, false, AFTER));
        assertEquals(CompletionStatus.NEVER_ATTENDED, CompletionRule.status(c, 0, true, c.endsOn.plusDays(1)));
        assertEquals(CompletionStatus.IN_PROGRESS, CompletionRule.status(c, 0, false, c.endsOn));
        assertEquals(CompletionStatus.IN_PROGRESS, CompletionRule.status(c, 2, false, c.startsOn));
        assertEquals(CompletionStatus.COMPLETED, CompletionRule.status(c, 4, true, c.startsOn));
    }

    @Test
    void percentagesHaveOneDecimal() {
        assertEquals(new BigDecimal("66.7"), CompletionRule.percentOf(2, 3));
        assertEquals(new BigDecimal("100.0"), CompletionRule.percentOf(4, 4));
        assertEquals(new BigDecimal("0.0"), CompletionRule.percentOf(0, 4));
        assertNull(CompletionRule.percentOf(0, 0));
    }
}
