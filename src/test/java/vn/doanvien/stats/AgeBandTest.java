package vn.doanvien.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Age bands from the figures by year of birth are exact only with the cut dates of birth counted apart: for every
 * day of birth over 80 years and days of the year that matter (leap days, month and year ends), the band by year
 * differs from the exact band exactly on the cut dates.
 */
class AgeBandTest {

    @Test
    void theBandByYearOfBirthDiffersFromTheExactBandExactlyOnTheCutDates() {
        List<LocalDate> days = List.of(LocalDate.of(2024, 2, 28), LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 1),
                LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 1), LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 2), LocalDate.of(2024, 3, 25),
                LocalDate.of(2023, 6, 30));
        long checked = 0;
        long expected = 0;
        long cut = 0;
        for (LocalDate d : days) {
            expected += java.time.temporal.ChronoUnit.DAYS.between(d.minusYears(80), d.plusYears(2)) + 1;
            List<LocalDate[]> ranges = StatsService.cutBirthDates(d);
            for (LocalDate b = d.minusYears(80); !b.isAfter(d.plusYears(2)); b = b.plusDays(1)) {
                boolean inCut = false;
                for (LocalDate[] r : ranges) {
                    inCut |= !b.isBefore(r[0]) && !b.isAfter(r[1]);
                }
                boolean differs = !StatsService.ageBand(b, d).equals(StatsService.yearBand(b.getYear(), d));
                assertEquals(differs, inCut, "born " + b + " on " + d);
                checked++;
                cut += inCut ? 1 : 0;
            }
        }
        // Sanity: the loop saw the whole range, and the cut dates are a small part of it.
        assertEquals(expected, checked);
        assertEquals(true, cut > 0 && cut < checked / 20, "cut " + cut + " of " + checked);
    }

    @Test
    void bandsAtTheBoundaries() {
        LocalDate d = LocalDate.of(2024, 3, 25);
        assertEquals("25_34", StatsService.ageBand(LocalDate.of(1999, 3, 25), d));
        assertEquals("UNDER_25", StatsService.ageBand(LocalDate.of(1999, 3, 26), d));
        assertEquals("55_AND_OVER", StatsService.ageBand(LocalDate.of(1969, 3, 25), d));
        assertEquals("45_54", StatsService.ageBand(LocalDate.of(1969, 3, 26), d));
        // Born on 29 February: a year older on 1 March in a year without one.
        assertEquals("UNDER_25", StatsService.ageBand(LocalDate.of(2000, 2, 29), LocalDate.of(2025, 2, 28)));
        assertEquals("25_34", StatsService.ageBand(LocalDate.of(2000, 2, 29), LocalDate.of(2025, 3, 1)));
        assertEquals("UNKNOWN", StatsService.ageBand(LocalDate.of(2024, 3, 26), d));
        assertEquals("UNKNOWN", StatsService.yearBand(2025, d));
    }
}
