package vn.doanvien.spreadsheet;

import vn.doanvien.common.ApiProblem;

/**
 * Vietnamese typed in the pre-Unicode encodings TCVN3 (ABC, fonts .VnTime…) or VNI (VNI-Times…): read as Unicode,
 * "Họ và tên" shows as "Hä vµ tªn" (TCVN3) or "Hoï vaø teân" (VNI). Such text cannot be matched or stored
 * as names; the file is refused with the way to convert it.
 */
final class LegacyVietnamese {

    /**
     * Characters that the two encodings use for Vietnamese letters and that Vietnamese written in Unicode never
     * uses (ø, ï, µ, ª… are not Vietnamese letters).
     */
    private static final String MARKERS = "µ¸¶·¹¨»¾¼½Æ©ÇË®ÎÏÑªÖ×ØÜÞßä«åæçëîïñö÷ûüþ§¡¢£¤¥¦¬øÛ\u00AD";

    private LegacyVietnamese() {
    }

    static boolean looksLegacy(String text) {
        int markers = 0;
        for (int i = 0; i < text.length(); i++) {
            if (MARKERS.indexOf(text.charAt(i)) >= 0) {
                markers++;
            }
        }
        return markers >= 2;
    }

    static ApiProblem problem() {
        return ApiProblem.invalid("file", "is typed in a legacy Vietnamese encoding (TCVN3/ABC or VNI), which "
                + "cannot be read as names; convert it to Unicode first: in Unikey open \"Công cụ chuyển mã\" "
                + "(Ctrl+Shift+F6), source TCVN3 or VNI Windows, destination Unicode, convert the file, then save "
                + "it as \"Excel Workbook (*.xlsx)\" or \"CSV UTF-8 (Comma delimited)\"");
    }
}
