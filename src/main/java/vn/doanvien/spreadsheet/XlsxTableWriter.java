package vn.doanvien.spreadsheet;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes one sheet of a table as XLSX, streamed with POI's SXSSF (only a window of rows in memory, the rest in a
 * compressed temporary file): a bold header row that stays frozen, an autofilter over the table, column widths
 * that fit the header and the first rows, and typed cells: numbers as numbers, dates as dates, text as text (a
 * text cell is never evaluated, so {@code =HYPERLINK(...)} stays the characters typed).
 */
public final class XlsxTableWriter implements AutoCloseable {

    /** Rows kept in memory; the widths are taken from these first rows. */
    private static final int WINDOW = 200;
    private static final int MAX_WIDTH_CHARS = 60;
    /** Excel's limit of rows in a sheet. */
    public static final int MAX_ROWS = 1_048_575;

    private final SXSSFWorkbook workbook;
    private final SXSSFSheet sheet;
    private final OutputStream out;
    private final int columns;
    private final int[] widths;
    private final CellStyle dateStyle;
    private final CellStyle dateTimeStyle;
    private final CellStyle integerStyle;
    private final CellStyle decimalStyle;
    private final ZoneId zone;
    private int rowIndex;

    public XlsxTableWriter(OutputStream out, String sheetName, List<String> headers, ZoneId zone) {
        this.out = out;
        this.zone = zone;
        this.workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        this.sheet = workbook.createSheet(sheetName);
        this.columns = headers.size();
        this.widths = new int[columns];
        var format = workbook.createDataFormat();
        dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(format.getFormat("dd/mm/yyyy"));
        dateTimeStyle = workbook.createCellStyle();
        dateTimeStyle.setDataFormat(format.getFormat("dd/mm/yyyy hh:mm"));
        integerStyle = workbook.createCellStyle();
        integerStyle.setDataFormat(format.getFormat("#,##0"));
        decimalStyle = workbook.createCellStyle();
        decimalStyle.setDataFormat(format.getFormat("#,##0.0##"));
        CellStyle headerStyle = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        headerStyle.setFont(bold);
        Row header = sheet.createRow(rowIndex++);
        for (int c = 0; c < columns; c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(headers.get(c));
            cell.setCellStyle(headerStyle);
            widths[c] = headers.get(c).length() + 3;
        }
        sheet.createFreezePane(0, 1);
    }

    /** Appends a row; values beyond the header's columns are dropped. */
    public void row(List<?> values) {
        if (rowIndex > MAX_ROWS) {
            throw new IllegalStateException("more rows than a sheet holds");
        }
        Row row = sheet.createRow(rowIndex++);
        for (int c = 0; c < Math.min(columns, values.size()); c++) {
            Object v = values.get(c);
            if (v == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            int length = set(cell, v);
            if (rowIndex <= WINDOW) {
                widths[c] = Math.max(widths[c], Math.min(MAX_WIDTH_CHARS, length + 2));
            }
        }
    }

    /** Sets the cell and returns about how many characters it shows. */
    private int set(Cell cell, Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof BigInteger) {
            cell.setCellValue(((Number) v).doubleValue());
            cell.setCellStyle(integerStyle);
            return v.toString().length() + v.toString().length() / 3;
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            boolean whole = n instanceof BigDecimal b ? b.stripTrailingZeros().scale() <= 0 : d == Math.rint(d);
            cell.setCellValue(d);
            cell.setCellStyle(whole ? integerStyle : decimalStyle);
            return CellValue.number(n).length() + 2;
        }
        if (v instanceof Boolean b) {
            cell.setCellValue(b);
            return 5;
        }
        if (v instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(dateStyle);
            return 10;
        }
        if (v instanceof OffsetDateTime t) {
            cell.setCellValue(t.atZoneSameInstant(zone).toLocalDateTime());
            cell.setCellStyle(dateTimeStyle);
            return 16;
        }
        if (v instanceof LocalDateTime t) {
            cell.setCellValue(t);
            cell.setCellStyle(dateTimeStyle);
            return 16;
        }
        String text = v instanceof Enum<?> e ? e.name() : v instanceof YearMonth m ? m.toString() : v.toString();
        cell.setCellValue(text.length() > 32_767 ? text.substring(0, 32_767) : text);
        return text.length();
    }

    /** Adds the autofilter and the widths, writes the workbook and frees its temporary files. */
    public void finish() throws IOException {
        for (int c = 0; c < columns; c++) {
            sheet.setColumnWidth(c, Math.min(MAX_WIDTH_CHARS, widths[c]) * 256);
        }
        if (columns > 0) {
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rowIndex - 1), 0, columns - 1));
        }
        workbook.write(out);
        out.flush();
    }

    /** The underlying workbook, for a notes sheet or data validation (the template). */
    public SXSSFWorkbook workbook() {
        return workbook;
    }

    public SXSSFSheet sheet() {
        return sheet;
    }

    @Override
    public void close() {
        workbook.dispose();
        try {
            workbook.close();
        } catch (IOException e) {
            // temporary files already removed by dispose
        }
    }
}
