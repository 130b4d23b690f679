package vn.doanvien.spreadsheet;

import vn.doanvien.common.ApiProblem;

/** The kinds of spreadsheet file read and written: CSV text and Office Open XML workbooks. */
public enum SheetFormat {
    CSV("text/csv", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    public static final String XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final String mediaType;
    private final String extension;

    SheetFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /**
     * The format of a file from its first bytes: a zip (PK) is a workbook, an OLE2 compound file is refused (an
     * Excel 97-2003 .xls, or a workbook protected by a password, which Excel stores that way), anything else is
     * read as CSV text.
     */
    public static SheetFormat detect(byte[] head, int length) {
        if (length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return XLSX;
        }
        if (length >= 4 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF && (head[2] & 0xff) == 0x11
                && (head[3] & 0xff) == 0xE0) {
            throw ApiProblem.invalid("file", "is an Excel 97-2003 workbook (.xls) or a workbook protected by a "
                    + "password; open it in Excel and save it as \"Excel Workbook (*.xlsx)\" without a password, "
                    + "or as \"CSV UTF-8 (Comma delimited)\"");
        }
        if (length >= 2 && head[0] == 'P' && head[1] == 'K') {
            throw ApiProblem.invalid("file", "is a zip archive but not an XLSX workbook");
        }
        return CSV;
    }
}
