package vn.doanvien.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * Age bands as the figures by dimension keep them: the band on a day is the age in completed years, and a stay
 * passes through the bands in stretches that change exactly on the birthdays that start a band (29 February births
 * included). Seeded random stays, checked day by day against the age computed from scratch.
 */
class AgeBandTest {

    private static final long SEED = 20261206L;

    private static String bandOfAge(int age) {
        return age < 25 ? "UNDER_25" : age < 35 ? "25_34" : age < 45 ? "35_44" : age < 55 ? "45_54" : "55_AND_OVER";
    }

    @Test
    void theBandIsTheAgeInCompletedYears() {
        LocalDate born = LocalDate.of(2000, 2, 29);
        assertEquals("UNDER_25", AgeBand.on(born, LocalDate.of(2025, 2, 28)).label());
        assertEquals("25_34", AgeBand.on(born, LocalDate.of(2025, 3, 1)).label());
        assertEquals("25_34", AgeBand.on(LocalDate.of(1990, 6, 15), LocalDate.of(2015, 6, 15)).label());
        assertEquals("UNDER_25", AgeBand.on(LocalDate.of(1990, 6, 15), LocalDate.of(2015, 6, 14)).label());
        assertEquals("55_AND_OVER", AgeBand.on(LocalDate.of(1950, 1, 1), LocalDate.of(2026, 1, 1)).label());
        assertEquals("UNKNOWN", AgeBand.on(null, LocalDate.of(2026, 1, 1)).label());
    }

    @RepeatedTest(200)
    void aStayPassesThroughTheBandsOnItsBirthdays(RepetitionInfo info) {
        Random random = new Random(SEED + info.getCurrentRepetition());
        LocalDate born = random.nextInt(20) == 0 ? LocalDate.of(1960 + 4 * random.nextInt(10), 2, 29)
                : LocalDate.of(1950, 1, 1).plusDays(random.nextInt(20000));
        LocalDate start = born.plusDays(6000 + random.nextInt(15000));
        LocalDate end = random.nextBoolean() ? null : start.plusDays(1 + random.nextInt(12000));
        String seed = " (seed " + (SEED + info.getCurrentRepetition()) + ", born " + born + ", stay " + start + " to "
                + end + ")";
        List<AgeBand.Stretch> stretches = AgeBand.stretches(born, start, end);
        assertEquals(start, stretches.get(0).from(), "first stretch starts with the stay" + seed);
        for (int i = 0; i < stretches.size(); i++) {
            AgeBand.Stretch s = stretches.get(i);
            if (i + 1 < stretches.size()) {
                assertEquals(s.to(), stretches.get(i + 1).from(), "stretches are contiguous" + seed);
                assertTrue(s.band().ordinal() < stretches.get(i + 1).band().ordinal(), "bands only go up" + seed);
            } else {
                assertEquals(end, s.to(), "last stretch ends with the stay" + seed);
            }
            LocalDate last = s.to() == null ? s.from().plusDays(400) : s.to().minusDays(1);
            for (LocalDate d = s.from(); !d.isAfter(last); d = d.plusDays(d.isBefore(last.minusDays(3)) ? 7 : 1)) {
                assertEquals(bandOfAge(Period.between(born, d).getYears()), s.band().label(), d + seed);
            }
            if (s.to() != null && s.to().equals(end)) {
                continue;
            }
            if (s.to() != null) {
                // the day a stretch ends is the first day of the next band
                assertEquals(bandOfAge(Period.between(born, s.to()).getYears()), stretches.get(i + 1).band().label(),
                        s.to() + seed);
            }
        }
    }

    @RepeatedTest(200)
    void dayRangesDecomposeIntoRowsOfEachGrainWithoutGapOrOverlap(RepetitionInfo info) {
        Random random = new Random(SEED * 7 + info.getCurrentRepetition());
        LocalDate from = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(4000));
        LocalDate to = from.plusDays(random.nextInt(info.getCurrentRepetition() % 3 == 0 ? 40 : 3000));
        java.util.Set<LocalDate> covered = new java.util.HashSet<>();
        for (GrainRange r : GrainRange.decompose(from, to)) {
            for (LocalDate p = r.from(); !p.isAfter(r.to()); p = switch (r.grain()) {
                case "D" -> p.plusDays(1);
                case "M" -> p.plusMonths(1);
                default -> p.plusYears(1);
            }) {
                LocalDate end = switch (r.grain()) {
                    case "D" -> p;
                    case "M" -> p.plusMonths(1).minusDays(1);
                    default -> p.plusYears(1).minusDays(1);
                };
                if (!r.grain().equals("D")) {
                    assertEquals(1, r.grain().equals("M") ? p.getDayOfMonth() : p.getDayOfYear(), "period start");
                }
                for (LocalDate d = p; !d.isAfter(end); d = d.plusDays(1)) {
                    assertTrue(covered.add(d), d + " twice for " + from + ".." + to);
                }
            }
        }
        assertEquals(java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1, covered.size(), from + ".." + to);
        assertTrue(covered.contains(from) && covered.contains(to));
    }
}
