package vn.doanvien.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The bands from figures by year plus the members read by date of birth equal the bands by exact age: a
     * registry with members on every day of birth over 80 years (counts varying by day), for the same asOf days,
     * where each cut is read either itself or as the rest of its year.
     */
    @Test
    void bandsFromYearFiguresAndTheReadDatesEqualTheExactBands() {
        List<LocalDate> days = List.of(LocalDate.of(2024, 2, 28), LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 1),
                LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 1), LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 2), LocalDate.of(2024, 3, 25),
                LocalDate.of(2023, 6, 30), LocalDate.of(2025, 7, 2), LocalDate.of(2025, 7, 3));
        int bySide = 0;
        int byRest = 0;
        for (LocalDate d : days) {
            Map<LocalDate, long[]> registry = new LinkedHashMap<>();
            for (LocalDate b = d.minusYears(80); !b.isAfter(d.plusYears(2)); b = b.plusDays(1)) {
                long n = b.toEpochDay();
                registry.put(b, new long[] {Math.floorMod(n, 3) + 1, Math.floorMod(n, 2),
                    Math.floorMod(n, 5) == 0 ? 1 : 0});
            }
            Map<String, long[]> byYear = new HashMap<>();
            Map<String, long[]> expected = new LinkedHashMap<>();
            registry.forEach((b, v) -> {
                sum(byYear.computeIfAbsent(Integer.toString(b.getYear()), k -> new long[3]), v);
                sum(expected.computeIfAbsent(StatsService.ageBand(b, d), k -> new long[3]), v);
            });
            List<StatsService.YearCut> cuts = StatsService.yearCuts(d);
            List<StatsRepository.BirthRow> read = new ArrayList<>();
            for (StatsService.YearCut c : cuts) {
                LocalDate[] r = c.read();
                // The side read is the smaller one, within the cut's year.
                long cutDays = ChronoUnit.DAYS.between(c.from(), c.to()) + 1;
                long readDays = ChronoUnit.DAYS.between(r[0], r[1]) + 1;
                assertEquals(true, readDays <= cutDays && readDays <= 366 - cutDays, d + " reads " + readDays);
                assertEquals(c.from().getYear(), r[0].getYear());
                assertEquals(c.from().getYear(), r[1].getYear());
                bySide += c.readCut() ? 1 : 0;
                byRest += c.readCut() ? 0 : 1;
                for (LocalDate b = r[0]; !b.isAfter(r[1]); b = b.plusDays(1)) {
                    long[] v = registry.get(b);
                    read.add(new StatsRepository.BirthRow(b, v[0], v[1], v[2]));
                }
            }
            Map<String, long[]> actual = new LinkedHashMap<>();
            for (StatsDtos.MembershipRow row : StatsService.byAgeBand(byYear, read, cuts, d)) {
                actual.put(row.key(), new long[] {row.activeMembers(), row.joined(), row.left()});
            }
            assertEquals(text(expected), text(actual), "on " + d);
        }
        // Both ways of reading a cut were exercised.
        assertEquals(true, bySide > 0 && byRest > 0, bySide + " cuts read, " + byRest + " by the rest of the year");
    }

    private static void sum(long[] into, long[] v) {
        for (int i = 0; i < 3; i++) {
            into[i] += v[i];
        }
    }

    /** Bands in a fixed order, with their three counts. */
    private static String text(Map<String, long[]> bands) {
        StringBuilder s = new StringBuilder();
        for (String band : StatsService.AGE_BANDS) {
            long[] v = bands.get(band);
            if (v != null) {
                s.append(band).append('=').append(v[0]).append('/').append(v[1]).append('/').append(v[2]).append(' ');
            }
        }
        return s.toString();
    }
}
