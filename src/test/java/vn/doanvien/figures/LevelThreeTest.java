package vn.doanvien.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * Which days the level-3 units keep per day, and when a statistic of such a unit is summed from its rows: on the
 * dates around the turn of a month, and for seeded random dates, that no reader ever needs a day row that a writer
 * whose clock is in the same or the next month did not keep.
 */
class LevelThreeTest {

    @Test
    void writersKeepOneMonthMoreThanReadersUse() {
        assertEquals(LocalDate.of(2026, 10, 1), LevelThree.dayRowsKeptFrom(LocalDate.of(2026, 12, 7)));
        assertEquals(LocalDate.of(2026, 11, 1), LevelThree.dayRowsReadFrom(LocalDate.of(2026, 12, 7)));
        assertEquals(LocalDate.of(2026, 11, 1), LevelThree.dayRowsKeptFrom(LocalDate.of(2027, 1, 1)));
        assertEquals(LocalDate.of(2026, 12, 1), LevelThree.dayRowsReadFrom(LocalDate.of(2027, 1, 1)));
        assertEquals(LocalDate.of(2024, 1, 1), LevelThree.dayRowsKeptFrom(LocalDate.of(2024, 3, 31)));
    }

    @Test
    void rowsAnswerWhenEveryDayRowNeededIsRecent() {
        LocalDate today = LocalDate.of(2026, 12, 7);
        // the default period (since 1 January): month and year rows, then this month's days
        assertTrue(LevelThree.rowsAnswer(LocalDate.of(2026, 1, 1), today, today));
        assertTrue(LevelThree.rowsAnswer(LocalDate.of(2026, 11, 3), LocalDate.of(2026, 12, 5), today));
        assertTrue(LevelThree.rowsAnswer(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 1), today));
        // the end of an older month needs no day row at all
        assertTrue(LevelThree.rowsAnswer(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 31), today));
        assertTrue(LevelThree.rowsAnswer(LocalDate.of(2020, 1, 1), LocalDate.of(2025, 6, 30), today));
        // a day of an older month, as asOf or as from
        assertFalse(LevelThree.rowsAnswer(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 30), today));
        assertFalse(LevelThree.rowsAnswer(LocalDate.of(2026, 10, 15), LocalDate.of(2026, 12, 5), today));
        assertFalse(LevelThree.rowsAnswer(LocalDate.of(2025, 3, 10), LocalDate.of(2025, 6, 17), today));
        // what the age bands book is not kept at level 3 at all
        assertFalse(LevelThree.keeps(Dimension.AGE_BAND));
        assertFalse(LevelThree.keeps(Dimension.GENDER_AGE_BAND));
        assertTrue(LevelThree.keeps(Dimension.GENDER));
        assertTrue(LevelThree.keeps(Dimension.OWNERSHIP_INDUSTRY));
    }

    @RepeatedTest(200)
    void noReaderNeedsADayRowAWriterOfTheSameOrNextMonthDidNotKeep(RepetitionInfo repetition) {
        Random random = new Random(20261207L + repetition.getCurrentRepetition());
        LocalDate reader = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(1500));
        LocalDate asOf = reader.minusDays(random.nextInt(120));
        LocalDate from = random.nextBoolean() ? asOf.minusDays(random.nextInt(400))
                : asOf.minusMonths(random.nextInt(14)).withDayOfMonth(1);
        // a writer's clock: any day from two months before the reader's to the end of the reader's next month
        LocalDate lastWriter = reader.withDayOfMonth(1).plusMonths(2).minusDays(1);
        LocalDate writer = reader.minusMonths(2).plusDays(random.nextInt(
                (int) ChronoUnit.DAYS.between(reader.minusMonths(2), lastWriter) + 1));
        if (!LevelThree.rowsAnswer(from, asOf, reader)) {
            return;
        }
        LocalDate kept = LevelThree.dayRowsKeptFrom(writer);
        for (LocalDate start : new LocalDate[] {DimensionFigures.EPOCH, from}) {
            for (GrainRange r : GrainRange.decompose(start, asOf)) {
                if (r.grain().equals("D")) {
                    assertFalse(r.from().isBefore(kept), "reader " + reader + " needs the days from " + r.from()
                            + " (asOf " + asOf + ", from " + from + "); a writer on " + writer + " keeps from " + kept);
                }
            }
        }
    }
}
