package vn.doanvien.figures;

import java.time.LocalDate;

/**
 * A key of a grassroots union's figures by an attribute of its members, as the member record holds it now:
 * dimension {@link #GENDER} (MALE, FEMALE, OTHER, UNKNOWN) or {@link #BIRTH_YEAR} (the year, UNKNOWN without a
 * date of birth). Stored in {@code grassroots_union_person_month} and {@code grassroots_union_person_total}.
 */
public record PersonKey(String dimension, String key) {

    public static final String GENDER = "GENDER";
    public static final String BIRTH_YEAR = "BIRTH_YEAR";
    public static final String UNKNOWN = "UNKNOWN";

    /** {@code gender}: an enum name, null when none is recorded. */
    static PersonKey gender(String gender) {
        return new PersonKey(GENDER, gender == null ? UNKNOWN : gender);
    }

    static PersonKey birthYear(LocalDate dateOfBirth) {
        return new PersonKey(BIRTH_YEAR, dateOfBirth == null ? UNKNOWN : Integer.toString(dateOfBirth.getYear()));
    }
}
