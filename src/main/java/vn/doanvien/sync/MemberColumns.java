package vn.doanvien.sync;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.Problem;
import vn.doanvien.member.MemberRules;
import vn.doanvien.spreadsheet.SheetReader;
import vn.doanvien.common.TextNormalizer;
import vn.doanvien.member.Gender;

/**
 * The column layout of member import files. Headers are matched without case, diacritics, spaces or
 * punctuation, so {@code Họ và tên}, {@code HO VA TEN} and {@code ho_va_ten} are one column. Columns not listed
 * (such as {@code STT} or {@code Ghi chú}) are ignored. The header is the first row with the full name and at
 * least one other known column ({@link #HEADER}).
 */
final class MemberColumns {

    enum Field {
        EXTERNAL_ID("externalId", "externalid", "madoanvien", "ma", "maso", "madv"),
        FULL_NAME("fullName", "fullname", "hovaten", "hoten", "ten", "name"),
        DATE_OF_BIRTH("dateOfBirth", "dateofbirth", "ngaysinh", "ngaythangnamsinh", "birthdate"),
        GENDER("gender", "gender", "gioitinh", "sex"),
        NATIONALITY("nationality", "nationality", "quoctich"),
        NATIONAL_ID("nationalId", "nationalid", "socccd", "cccd", "socancuoccongdan", "socancuoc", "cancuoccongdan",
                "socmnd", "cmnd", "socmndcccd", "cmndcccd"),
        PASSPORT("passportNumber", "passportnumber", "passport", "sohochieu", "hochieu"),
        PHONE("phone", "phone", "sodienthoai", "dienthoai", "sdt"),
        EMAIL("email", "email", "thudientu"),
        GRASSROOTS_UNION_ID("grassrootsUnionId", "grassrootsunionid", "macdcs", "macongdoancoso", "idcdcs"),
        JOINED_ON("joinedOn", "joinedon", "ngayvaocongdoan", "ngayketnap", "ngayketnapdoanvien", "ngayvao"),
        TRANSFERRED_ON("transferredOn", "transferredon", "ngaychuyen", "ngaychuyensinhhoat"),
        LEFT_ON("leftOn", "lefton", "ngayrakhoi", "ngaynghi", "ngayrakhoicongdoan"),
        LEAVE_REASON("leaveReason", "leavereason", "lydo", "lydorakhoi", "lydonghi");

        final String apiName;
        final List<String> keys;

        Field(String apiName, String... keys) {
            this.apiName = apiName;
            this.keys = List.of(keys);
        }
    }

    private static final Map<String, Field> BY_KEY = new HashMap<>();

    static {
        for (Field f : Field.values()) {
            f.keys.forEach(k -> BY_KEY.put(k, f));
        }
    }

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT));

    private final Map<Field, Integer> columns;
    private final List<String> ignored;

    private MemberColumns(Map<Field, Integer> columns, List<String> ignored) {
        this.columns = columns;
        this.ignored = ignored;
    }

    static String key(String header) {
        return TextNormalizer.fold(header).replace(" ", "");
    }

    /** The header row: the full name and at least one other column of a member list. */
    static final SheetReader.HeaderTest HEADER = new SheetReader.HeaderTest() {
        @Override
        public boolean matches(List<String> cells) {
            boolean name = false;
            int known = 0;
            for (String cell : cells) {
                Field f = BY_KEY.get(key(cell));
                if (f != null) {
                    known++;
                    name |= f == Field.FULL_NAME;
                }
            }
            return name && known >= 2;
        }

        @Override
        public String expected() {
            return "of a member list (Họ và tên with Ngày sinh, Số CCCD, Ngày vào công đoàn…)";
        }
    };

    /** Maps the header; 400 when a required column is missing or a column appears twice. */
    static MemberColumns of(List<String> header, boolean unionGiven) {
        Map<Field, Integer> columns = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            Field f = BY_KEY.get(key(header.get(i)));
            if (f == null) {
                if (!header.get(i).isBlank()) {
                    ignored.add(header.get(i));
                }
            } else if (columns.putIfAbsent(f, i) != null) {
                throw ApiProblem.invalid("file", "column " + f.apiName + " appears twice (\"" + header.get(i) + "\")");
            }
        }
        List<String> missing = new ArrayList<>();
        if (!columns.containsKey(Field.FULL_NAME)) {
            missing.add("fullName (Họ và tên)");
        }
        if (!columns.containsKey(Field.JOINED_ON)) {
            missing.add("joinedOn (Ngày vào công đoàn)");
        }
        if (!columns.containsKey(Field.NATIONAL_ID) && !columns.containsKey(Field.PASSPORT)) {
            missing.add("nationalId (Số CCCD) or passportNumber (Số hộ chiếu)");
        }
        if (!unionGiven && !columns.containsKey(Field.GRASSROOTS_UNION_ID)) {
            missing.add("grassrootsUnionId (Mã CĐCS: the union's code or id), or the grassrootsUnionId parameter");
        }
        if (!missing.isEmpty()) {
            throw ApiProblem.invalid("file", "the header lacks " + String.join(", ", missing));
        }
        return new MemberColumns(columns, ignored);
    }

    List<String> ignored() {
        return ignored;
    }

    /** The grassroots union a row names (Mã CĐCS): its code as printed on its papers, or its id; null if none. */
    String unionReference(List<String> cells) {
        String v = text(cells, Field.GRASSROOTS_UNION_ID);
        return v == null ? null : v.replaceAll("^(\\d+)\\.0+$", "$1");
    }

    /** The identity key and external id of a row, or null when its papers cannot be read. */
    String[] identity(List<String> cells) {
        List<Problem.FieldError> errors = new ArrayList<>();
        MemberRules.Identity id = MemberRules.identity(nationality(text(cells, Field.NATIONALITY)),
                digits(text(cells, Field.NATIONAL_ID)), text(cells, Field.PASSPORT), errors);
        return errors.isEmpty() && id != null ? new String[] {id.key(), text(cells, Field.EXTERNAL_ID)} : null;
    }

    /** The item of a row in {@code union}, or an ApiProblem naming the cells that could not be read. */
    SyncMemberItem item(List<String> cells, Long union) {
        List<String> errors = new ArrayList<>();
        SyncMemberItem item = new SyncMemberItem(
                text(cells, Field.EXTERNAL_ID),
                text(cells, Field.FULL_NAME),
                date(cells, Field.DATE_OF_BIRTH, errors),
                gender(text(cells, Field.GENDER), errors),
                nationality(text(cells, Field.NATIONALITY)),
                digits(text(cells, Field.NATIONAL_ID)),
                text(cells, Field.PASSPORT),
                text(cells, Field.PHONE),
                text(cells, Field.EMAIL),
                union,
                date(cells, Field.JOINED_ON, errors),
                date(cells, Field.TRANSFERRED_ON, errors),
                null,
                date(cells, Field.LEFT_ON, errors),
                text(cells, Field.LEAVE_REASON));
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest(String.join("; ", errors));
        }
        return item;
    }

    private String text(List<String> cells, Field f) {
        Integer i = columns.get(f);
        if (i == null || i >= cells.size()) {
            return null;
        }
        String v = cells.get(i).trim();
        return v.isEmpty() ? null : v;
    }

    private LocalDate date(List<String> cells, Field f, List<String> errors) {
        String v = text(cells, f);
        if (v == null) {
            return null;
        }
        if (v.matches("\\d{1,6}(\\.0+)?")) {
            // A spreadsheet date: days since 1899-12-30.
            return LocalDate.of(1899, 12, 30).plusDays(Long.parseLong(v.replaceAll("\\.0+$", "")));
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(v, format);
            } catch (DateTimeParseException e) {
                // try the next layout
            }
        }
        errors.add(f.apiName + ": not a date (YYYY-MM-DD or DD/MM/YYYY): " + v);
        return null;
    }

    private static Gender gender(String v, List<String> errors) {
        if (v == null) {
            return null;
        }
        return switch (key(v)) {
            case "male", "nam", "m" -> Gender.MALE;
            case "female", "nu", "f" -> Gender.FEMALE;
            case "other", "khac" -> Gender.OTHER;
            default -> {
                errors.add("gender: not Nam, Nữ, Khác (MALE, FEMALE, OTHER): " + v);
                yield null;
            }
        };
    }

    private static String nationality(String v) {
        if (v == null) {
            return null;
        }
        String k = key(v);
        return k.equals("vietnam") || k.equals("vn") ? "VN" : v.toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * A CCCD has 12 digits and starts with the province's code, 001 to 096: a spreadsheet that stores it as a
     * number drops one or two leading zeros (and may add ".0"), which are put back.
     */
    static String digits(String v) {
        if (v == null) {
            return null;
        }
        String s = v.replaceAll("\\.0+$", "").replace(" ", "");
        if (s.matches("\\d{10,11}")) {
            s = "0".repeat(12 - s.length()) + s;
        }
        return s;
    }
}
