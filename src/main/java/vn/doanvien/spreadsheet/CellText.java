package vn.doanvien.spreadsheet;

import java.math.BigDecimal;
import java.util.Locale;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * The text of a numeric cell as an import needs it, not as the sheet displays it: a date cell is its date
 * (YYYY-MM-DD, whatever the display format or locale), a number is written in full without grouping or
 * exponent (1095012345, not 1.1E+09), and a number shown with a format of zeros ({@code 000000000000}, how
 * officers keep a CCCD's leading zero) keeps the digits shown.
 */
final class CellText extends DataFormatter {

    CellText() {
        super(Locale.ROOT);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
        return formatRawCellContents(value, formatIndex, formatString, false);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
        if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
            return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        if (formatString != null && formatString.matches("0+") && value >= 0 && value == Math.rint(value)
                && plain.length() < formatString.length()) {
            return "0".repeat(formatString.length() - plain.length()) + plain;
        }
        return plain;
    }
}
