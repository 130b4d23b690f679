package vn.doanvien.figures;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * Age bands by age in completed years: under 25, 25-34, 35-44, 45-54, 55 and over, and UNKNOWN without a date of
 * birth. A member enters the next band on the day they reach its lower age.
 */
public enum AgeBand {
    UNDER_25(0),
    FROM_25_TO_34(25),
    FROM_35_TO_44(35),
    FROM_45_TO_54(45),
    FROM_55(55),
    UNKNOWN(-1);

    private final int from;

    AgeBand(int from) {
        this.from = from;
    }

    /** The API's name of the band (the enum's names cannot start with a digit). */
    public String label() {
        return switch (this) {
            case UNDER_25 -> "UNDER_25";
            case FROM_25_TO_34 -> "25_34";
            case FROM_35_TO_44 -> "35_44";
            case FROM_45_TO_54 -> "45_54";
            case FROM_55 -> "55_AND_OVER";
            case UNKNOWN -> "UNKNOWN";
        };
    }

    public static AgeBand ofLabel(String label) {
        for (AgeBand b : values()) {
            if (b.label().equals(label)) {
                return b;
            }
        }
        throw new IllegalArgumentException(label);
    }

    /** The band of someone born on {@code born} on day {@code d}. */
    public static AgeBand on(LocalDate born, LocalDate d) {
        if (born == null) {
            return UNKNOWN;
        }
        int age = born.isAfter(d) ? 0 : Period.between(born, d).getYears();
        AgeBand band = UNDER_25;
        for (AgeBand b : values()) {
            if (b.from >= 0 && age >= b.from) {
                band = b;
            }
        }
        return band;
    }

    /** The first day someone born on {@code born} is {@code age} years old (29 February births: 1 March). */
    static LocalDate reaches(LocalDate born, int age) {
        LocalDate d = born.plusYears(age);
        return Period.between(born, d).getYears() < age ? d.plusDays(1) : d;
    }

    /** A stretch [from, to) of a stay spent in one band; {@code to} null while it lasts. */
    record Stretch(AgeBand band, LocalDate from, LocalDate to) {
    }

    /** The bands someone born on {@code born} passes through during [start, end) (end null: open). */
    static List<Stretch> stretches(LocalDate born, LocalDate start, LocalDate end) {
        List<Stretch> out = new ArrayList<>();
        if (born == null) {
            out.add(new Stretch(UNKNOWN, start, end));
            return out;
        }
        AgeBand band = on(born, start);
        LocalDate from = start;
        while (true) {
            AgeBand next = band.ordinal() + 1 < UNKNOWN.ordinal() ? values()[band.ordinal() + 1] : null;
            LocalDate change = next == null ? null : reaches(born, next.from);
            boolean changesInside = change != null && change.isAfter(from) && (end == null || change.isBefore(end));
            out.add(new Stretch(band, from, changesInside ? change : end));
            if (!changesInside) {
                return out;
            }
            band = next;
            from = change;
        }
    }
}
