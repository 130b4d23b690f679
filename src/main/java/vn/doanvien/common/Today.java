package vn.doanvien.common;

import java.time.LocalDate;
import java.time.ZoneId;

/** "Today" in Vietnam, which decides what is active now and which dates lie in the future. */
public final class Today {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private Today() {
    }

    public static LocalDate date() {
        return LocalDate.now(ZONE);
    }

    /** The given date, or today when absent. */
    public static LocalDate orToday(LocalDate date) {
        return date == null ? date() : date;
    }
}
