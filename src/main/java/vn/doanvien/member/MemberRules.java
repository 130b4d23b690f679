package vn.doanvien.member;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.doanvien.common.Problem;

/** Rules on a member's papers and age, shared by single writes and bulk sync. */
public final class MemberRules {

    private static final Pattern PASSPORT = Pattern.compile("^[A-Z0-9]{6,20}$");
    public static final int MIN_AGE = 15;

    private MemberRules() {
    }

    /** Normalised identity papers: a Vietnamese citizen has a national ID only, a foreigner a passport. */
    public record Identity(String nationality, String nationalId, String passportNumber) {

        /** The key a person is matched on, see {@link Member#identityKey}. */
        public String key() {
            return Member.identityKeyOf(nationalId, nationality, passportNumber);
        }
    }

    /** Normalises the papers, adding an error per problem; the result is meaningful only without errors. */
    public static Identity identity(String nationality, String nationalId, String passportNumber,
                                    List<Problem.FieldError> errors) {
        String country = nationality == null || nationality.isBlank() ? "VN" : nationality;
        String nid = blankToNull(nationalId);
        String passport = blankToNull(passportNumber);
        if (passport != null) {
            passport = passport.toUpperCase(Locale.ROOT);
            if (!PASSPORT.matcher(passport).matches()) {
                errors.add(new Problem.FieldError("passportNumber", "must be 6 to 20 letters or digits"));
            }
        }
        if ("VN".equals(country)) {
            if (nid == null) {
                errors.add(new Problem.FieldError("nationalId", "is required for Vietnamese citizens (nationality VN)"));
            }
            if (passport != null) {
                errors.add(new Problem.FieldError("passportNumber",
                        "must be absent for Vietnamese citizens (nationality VN); give nationalId"));
            }
        } else if (passport == null) {
            errors.add(new Problem.FieldError("passportNumber", "is required for nationality " + country));
        }
        return new Identity(country, nid, passport);
    }

    /** Not born in the future, and at least {@link #MIN_AGE} on the day of joining. */
    public static void checkDateOfBirth(LocalDate dateOfBirth, LocalDate joinedOn, LocalDate today,
                                        List<Problem.FieldError> errors) {
        if (dateOfBirth == null) {
            return;
        }
        if (dateOfBirth.isAfter(today)) {
            errors.add(new Problem.FieldError("dateOfBirth", "must not be in the future"));
        } else if (joinedOn != null && dateOfBirth.plusYears(MIN_AGE).isAfter(joinedOn)) {
            errors.add(new Problem.FieldError("dateOfBirth",
                    "the member must be at least " + MIN_AGE + " years old on joinedOn (" + joinedOn + ")"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
