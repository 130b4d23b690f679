package vn.doanvien.member;

/** Gender as recorded on the member's papers. */
public enum Gender {
    MALE,
    FEMALE,
    OTHER;

    /** A gender as the membership figures key it: the name, null when none is recorded. */
    public static String nameOf(Gender gender) {
        return gender == null ? null : gender.name();
    }
}
