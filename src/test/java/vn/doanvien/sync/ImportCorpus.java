package vn.doanvien.sync;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the import test corpus ({@code src/test/resources/imports}): member lists shaped as officers' files are,
 * written by real libraries (Apache POI for workbooks, Commons CSV for text) the way Excel and LibreOffice write
 * them, and {@code corpus.tsv}, the outcome each must give ({@link ImportCorpusTest}). After changing it, write
 * the corpus again with {@code bench/imports/write-corpus.sh}.
 * The people are fictional; their CCCD numbers (0011900xxxxx) are used by no other test. The unions are named by
 * the codes {@value #UNION_A} and {@value #UNION_B}, which the test creates.
 */
public final class ImportCorpus {

    static final String UNION_A = "CORPUS-CDCS-A";
    static final String UNION_B = "CORPUS-CDCS-B";

    /** One file and what importing it must give. */
    record Expectation(String file, String contentType, String query, int status, int created, int rejected,
                       int headerRow, String sheet, String detail) {
        String line() {
            return String.join("\t", file, contentType, query, String.valueOf(status), String.valueOf(created),
                    String.valueOf(rejected), String.valueOf(headerRow), sheet, detail);
        }

        static Expectation parse(String line) {
            String[] f = line.split("\t", -1);
            return new Expectation(f[0], f[1], f[2], Integer.parseInt(f[3]), Integer.parseInt(f[4]),
                    Integer.parseInt(f[5]), Integer.parseInt(f[6]), f[7], f[8]);
        }
    }

    /** A CCCD with one leading zero (province 011), stored as an 11-digit number. */
    static final String ELEVEN_DIGITS = "011900006002";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String UNION_PARAM = "grassrootsUnionId=" + UNION_A;

    private final Path dir;
    private final List<Expectation> expectations = new ArrayList<>();

    private ImportCorpus(Path dir) {
        this.dir = dir;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/imports");
        Files.createDirectories(dir);
        new ImportCorpus(dir).writeAll();
    }

    private static String cccd(int file, int n) {
        return String.format("0011900%02d%03d", file, n);
    }

    void writeAll() throws IOException {
        titleRowsAndNotesSheet();
        notesSheetFirst();
        formulasAndSharedStrings();
        inlineStrings();
        datesTypedAsText();
        cccdStoredAsNumber();
        csvWithoutDiacriticsUpperCase();
        csvTabsWithTitle();
        excelUnicodeText();
        legacyEncodings();
        oldExcel();
        headerTooLow();
        rowsWithErrors();
        twoMatchingSheets();
        try (Writer w = Files.newBufferedWriter(dir.resolve("corpus.tsv"), StandardCharsets.UTF_8)) {
            w.write("# file\tcontentType\tquery\tstatus\tcreated\trejected\theaderRow\tsheet\tdetail"
                    + " (written by ImportCorpus; checked by ImportCorpusTest)\n");
            for (Expectation e : expectations) {
                w.write(e.line() + "\n");
            }
        }
    }

    /** The usual Vietnamese list: a merged title, a blank row, the header, date cells, a notes sheet after it. */
    private void titleRowsAndNotesSheet() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("Danh sách");
            CellStyle date = dateStyle(wb);
            Row title = s.createRow(0);
            title.createCell(0).setCellValue("DANH SÁCH ĐOÀN VIÊN CÔNG ĐOÀN CƠ SỞ");
            title.getCell(0).setCellStyle(boldStyle(wb));
            s.addMergedRegion(new CellRangeAddress(0, 0, 0, 7));
            header(s, 2, "STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Số điện thoại", "Ngày kết nạp",
                    "Ghi chú");
            Object[][] rows = {
                {1, "Nguyễn Thị Lan", LocalDate.of(1990, 4, 12), "Nữ", cccd(1, 1), "0903 111 222",
                    LocalDate.of(2021, 3, 1), "Tổ may 1"},
                {2, "Trần Văn Bình", LocalDate.of(1985, 1, 30), "Nam", cccd(1, 2), "", LocalDate.of(2022, 7, 15), ""},
                {3, "Lê Thị Hồng Nhung", LocalDate.of(1999, 12, 31), "Nữ", Long.parseLong(cccd(1, 3)), "0912345678",
                    LocalDate.of(2023, 1, 9), "CCCD gõ như số"},
                {4, "Phạm Quốc Huy", LocalDate.of(1978, 6, 2), "Nam", cccd(1, 4), "", LocalDate.of(2020, 10, 20), ""},
                {5, "Đỗ Mai Anh", LocalDate.of(2001, 2, 28), "Nữ", cccd(1, 5), "", LocalDate.of(2024, 5, 6), ""}};
            for (int i = 0; i < rows.length; i++) {
                values(s.createRow(3 + i), date, rows[i]);
            }
            // trailing rows and columns that hold nothing but formatting, as Excel leaves them
            for (int r = 8; r < 20; r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < 11; c++) {
                    row.createCell(c).setCellStyle(date);
                }
            }
            Sheet notes = wb.createSheet("Ghi chú");
            notes.createRow(0).createCell(0).setCellValue("Danh sách lập ngày 15/11/2026, người lập: Chủ tịch CĐCS");
            save(wb, "danh-sach-cdcs.xlsx");
        }
        expect("danh-sach-cdcs.xlsx", XLSX, UNION_PARAM, 202, 5, 0, 3, "Danh sách", "");
    }

    /** A notes sheet before the list: the list's sheet is the one whose header matches. */
    private void notesSheetFirst() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet notes = wb.createSheet("Hướng dẫn");
            notes.createRow(0).createCell(0).setCellValue("Điền danh sách ở trang DS; Mã CĐCS theo giấy tờ");
            notes.createRow(1).createCell(0).setCellValue("Họ và tên: viết có dấu");
            Sheet s = wb.createSheet("DS");
            CellStyle date = dateStyle(wb);
            header(s, 0, "Họ và tên", "Ngày sinh", "Số CCCD", "Mã CĐCS", "Ngày vào công đoàn");
            values(s.createRow(1), date, "Vũ Văn Tám", LocalDate.of(1992, 8, 8), cccd(2, 1), UNION_A,
                    LocalDate.of(2021, 1, 4));
            values(s.createRow(2), date, "Hoàng Thị Chín", LocalDate.of(1993, 9, 9), cccd(2, 2),
                    UNION_B.toLowerCase(java.util.Locale.ROOT), LocalDate.of(2021, 2, 5));
            values(s.createRow(3), date, "Ngô Văn Mười", LocalDate.of(1994, 10, 10), cccd(2, 3), UNION_B,
                    LocalDate.of(2021, 3, 6));
            save(wb, "ghi-chu-truoc.xlsx");
        }
        expect("ghi-chu-truoc.xlsx", XLSX, "", 202, 3, 0, 1, "DS", "");
    }

    /** Formulas with their cached values (Excel stores the result), shared strings, a date from DATE(). */
    private void formulasAndSharedStrings() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("Sheet1");
            CellStyle date = dateStyle(wb);
            header(s, 0, "STT", "Họ và tên", "Số CCCD", "Ngày vào công đoàn");
            for (int i = 0; i < 2; i++) {
                Row r = s.createRow(1 + i);
                r.createCell(0).setCellFormula("ROW()-1");
                r.createCell(1).setCellFormula(i == 0 ? "CONCATENATE(\"Trần \",\"Văn Công\")" : "\"Lý Thị \"&\"Thức\"");
                r.createCell(2).setCellValue(cccd(3, i + 1));
                Cell joined = r.createCell(3);
                joined.setCellFormula("DATE(2022," + (5 + i) + ",1)");
                joined.setCellStyle(date);
            }
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            save(wb, "cong-thuc.xlsx");
        }
        expect("cong-thuc.xlsx", XLSX, UNION_PARAM, 202, 2, 0, 1, "Sheet1", "");
    }

    /** Text as inline strings (how streaming writers and some exporters write it), no shared strings part. */
    private void inlineStrings() throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook()) {
            Sheet s = wb.createSheet("Đoàn viên");
            CellStyle date = dateStyle(wb);
            header(s, 0, "Họ và tên", "Giới tính", "Số CCCD", "Ngày vào công đoàn");
            values(s.createRow(1), date, "Bùi Thị Hoa", "Nữ", cccd(4, 1), LocalDate.of(2019, 11, 11));
            values(s.createRow(2), date, "Đinh Văn Núi", "Nam", cccd(4, 2), LocalDate.of(2018, 12, 12));
            save(wb, "chuoi-inline.xlsx");
            wb.dispose();
        }
        expect("chuoi-inline.xlsx", XLSX, UNION_PARAM, 202, 2, 0, 1, "Đoàn viên", "");
    }

    /** Dates typed as text in the three ways people type them. */
    private void datesTypedAsText() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("Sheet1");
            header(s, 0, "Họ và tên", "Ngày sinh", "Số CCCD", "Ngày vào công đoàn");
            values(s.createRow(1), null, "Tạ Văn Một", "05/03/1990", cccd(5, 1), "01/02/2021");
            values(s.createRow(2), null, "Tạ Văn Hai", "5/3/1990", cccd(5, 2), "1/2/2021");
            values(s.createRow(3), null, "Tạ Văn Ba", "1990-03-05", cccd(5, 3), "2021-02-01");
            save(wb, "ngay-dang-chu.xlsx");
        }
        expect("ngay-dang-chu.xlsx", XLSX, UNION_PARAM, 202, 3, 0, 1, "Sheet1", "");
    }

    /** The CCCD stored as a number: leading zeros lost (10 and 11 digits), or kept by a format of zeros. */
    private void cccdStoredAsNumber() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("Sheet1");
            CellStyle date = dateStyle(wb);
            CellStyle zeros = wb.createCellStyle();
            zeros.setDataFormat(wb.createDataFormat().getFormat("000000000000"));
            header(s, 0, "Họ và tên", "Số CCCD", "Ngày vào công đoàn");
            values(s.createRow(1), date, "Số Mười Chữ", Long.parseLong(cccd(6, 1)), LocalDate.of(2021, 6, 1));
            values(s.createRow(2), date, "Số Mười Một", Long.parseLong(ELEVEN_DIGITS),
                    LocalDate.of(2021, 6, 2));
            Row r = s.createRow(3);
            values(r, date, "Có Định Dạng", Long.parseLong(cccd(6, 3)), LocalDate.of(2021, 6, 3));
            r.getCell(1).setCellStyle(zeros);
            save(wb, "cccd-dang-so.xlsx");
        }
        expect("cccd-dang-so.xlsx", XLSX, UNION_PARAM, 202, 3, 0, 1, "Sheet1", "");
    }

    /** CSV as Excel's "CSV UTF-8" writes it with a Vietnamese list separator: BOM, semicolons; plain headers. */
    private void csvWithoutDiacriticsUpperCase() throws IOException {
        csv("khong-dau-chu-hoa.csv", StandardCharsets.UTF_8, true, ';', List.of(
                List.of("HO VA TEN", "NGAY SINH", "GIOI TINH", "SO CCCD", "NGAY VAO CONG DOAN"),
                List.of("Kiều Văn Sơn", "07/07/1987", "nam", cccd(7, 1), "03/03/2020"),
                List.of("Kiều Thị Thủy", "08/08/1988", "NỮ", cccd(7, 2), "04/04/2020")));
        expect("khong-dau-chu-hoa.csv", "text/csv", UNION_PARAM, 202, 2, 0, 1, "", "");
    }

    /** Tab separated, no BOM, a title line and a blank line above the header. */
    private void csvTabsWithTitle() throws IOException {
        csv("tab-tieu-de.csv", StandardCharsets.UTF_8, false, '\t', List.of(
                List.of("Danh sách đoàn viên quý IV"),
                List.of(""),
                List.of("Họ và tên", "Số CCCD", "Ngày vào công đoàn", "Ghi chú"),
                List.of("Lương Văn Bảy", cccd(8, 1), "2020-09-09", "có dấu, phẩy"),
                List.of("Lương Thị Tám", cccd(8, 2), "2020-10-10", "")));
        expect("tab-tieu-de.csv", "text/csv", UNION_PARAM, 202, 2, 0, 3, "", "");
    }

    /** Excel's "Unicode Text (*.txt)": UTF-16LE with a BOM, tab separated. */
    private void excelUnicodeText() throws IOException {
        csv("excel-unicode.txt", StandardCharsets.UTF_16LE, true, '\t', List.of(
                List.of("Họ và tên", "Số CCCD", "Ngày vào công đoàn"),
                List.of("Mạc Văn Chín", cccd(9, 1), "11/11/2019"),
                List.of("Mạc Thị Mười", cccd(9, 2), "12/12/2019")));
        expect("excel-unicode.txt", "text/plain", UNION_PARAM, 202, 2, 0, 1, "", "");
    }

    /**
     * TCVN3 (ABC) and VNI: bytes of fonts .VnTime and VNI-Times, which show Vietnamese only in those fonts. Written
     * here as the characters Windows-1252 gives their bytes ("Họ và tên" is "Hä vµ tªn" in TCVN3).
     */
    private void legacyEncodings() throws IOException {
        Charset cp1252 = Charset.forName("windows-1252");
        csv("tcvn3.csv", cp1252, false, ',', List.of(
                List.of("STT", "Hä vµ tªn", "Ngµy sinh", "Sè CCCD", "Ngµy vµo c«ng ®oµn"),
                List.of("1", "NguyÔn ThÞ Lan", "12/04/1990", cccd(10, 1), "01/03/2021")));
        expect("tcvn3.csv", "text/csv", UNION_PARAM, 400, 0, 0, 0, "", "TCVN3");
        csv("vni.csv", cp1252, false, ',', List.of(
                List.of("STT", "Hoï vaø teân", "Ngaøy sinh", "Soá CCCD", "Ngaøy vaøo coâng ñoaøn"),
                List.of("1", "Nguyeãn Thò Lan", "12/04/1990", cccd(10, 2), "01/03/2021")));
        expect("vni.csv", "text/csv", UNION_PARAM, 400, 0, 0, 0, "", "VNI");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("Sheet1");
            Font vnTime = wb.createFont();
            vnTime.setFontName(".VnTime");
            CellStyle legacy = wb.createCellStyle();
            legacy.setFont(vnTime);
            header(s, 0, "Hä vµ tªn", "Sè CCCD", "Ngµy vµo c«ng ®oµn");
            values(s.createRow(1), null, "NguyÔn ThÞ Lan", cccd(10, 3), "01/03/2021");
            for (Row r : s) {
                r.forEach(c -> c.setCellStyle(legacy));
            }
            save(wb, "tcvn3.xlsx");
        }
        expect("tcvn3.xlsx", XLSX, UNION_PARAM, 400, 0, 0, 0, "", "TCVN3");
    }

    private void oldExcel() throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            Sheet s = wb.createSheet("Sheet1");
            header(s, 0, "Họ và tên", "Số CCCD", "Ngày vào công đoàn");
            values(s.createRow(1), null, "Cũ Văn Xls", cccd(11, 1), "2020-01-01");
            save(wb, "excel-97.xls");
        }
        expect("excel-97.xls", "application/vnd.ms-excel", UNION_PARAM, 400, 0, 0, 0, "", ".xls");
    }

    /** Notes for 34 rows, the header after them: not a header an import can find. */
    private void headerTooLow() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("Sheet1");
            for (int i = 0; i < 34; i++) {
                s.createRow(i).createCell(0).setCellValue("Ghi chú " + (i + 1));
            }
            header(s, 34, "Họ và tên", "Số CCCD", "Ngày vào công đoàn");
            values(s.createRow(35), null, "Thấp Văn Dưới", cccd(12, 1), "2020-01-01");
            save(wb, "tieu-de-qua-thap.xlsx");
        }
        expect("tieu-de-qua-thap.xlsx", XLSX, UNION_PARAM, 400, 0, 0, 0, "", "no header row");
    }

    /** Good rows and bad ones: each bad one is rejected with its reason, the good ones import. */
    private void rowsWithErrors() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("Danh sách");
            CellStyle date = dateStyle(wb);
            s.createRow(0).createCell(0).setCellValue("DANH SÁCH ĐOÀN VIÊN");
            header(s, 1, "STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Mã CĐCS", "Ngày vào công đoàn");
            values(s.createRow(2), date, 1, "Đúng Văn Một", LocalDate.of(1990, 1, 1), "Nam", cccd(13, 1), UNION_A,
                    LocalDate.of(2020, 1, 1));
            values(s.createRow(3), date, 2, "Sai Ngày Sinh", "31/02/1990", "Nam", cccd(13, 2), UNION_A,
                    LocalDate.of(2020, 1, 1));
            values(s.createRow(4), date, 3, "Thiếu Số", LocalDate.of(1990, 1, 1), "Nữ", "12345", UNION_A,
                    LocalDate.of(2020, 1, 1));
            values(s.createRow(5), date, 4, "Đúng Thị Hai", LocalDate.of(1991, 2, 2), "Nữ", cccd(13, 3), UNION_B,
                    LocalDate.of(2020, 2, 2));
            values(s.createRow(6), date, 5, "Lặp Lại Một", LocalDate.of(1990, 1, 1), "Nam", cccd(13, 1), UNION_A,
                    LocalDate.of(2020, 1, 1));
            values(s.createRow(7), date, 6, "Không Có CĐCS", LocalDate.of(1990, 1, 1), "Nam", cccd(13, 4),
                    "CDCS-KHONG-CO", LocalDate.of(2020, 1, 1));
            values(s.createRow(8), date, 7, "Giới Tính Lạ", LocalDate.of(1990, 1, 1), "X", cccd(13, 5), UNION_A,
                    LocalDate.of(2020, 1, 1));
            values(s.createRow(9), date, 8, "Còn Nhỏ", LocalDate.of(2015, 1, 1), "Nam", cccd(13, 6), UNION_A,
                    LocalDate.of(2020, 1, 1));
            values(s.createRow(10), date, 9, "Đúng Văn Ba", LocalDate.of(1992, 3, 3), "Nam", cccd(13, 7), UNION_B,
                    LocalDate.of(2020, 3, 3));
            save(wb, "dong-loi.xlsx");
        }
        expect("dong-loi.xlsx", XLSX, "", 202, 3, 6, 2, "Danh sách", "");
    }

    /** Two sheets with a list: the first is read unless ?sheet= names the other. */
    private void twoMatchingSheets() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle date = dateStyle(wb);
            for (int k = 0; k < 2; k++) {
                Sheet s = wb.createSheet(k == 0 ? "Tổ 1" : "Tổ 2");
                header(s, 0, "Họ và tên", "Số CCCD", "Ngày vào công đoàn");
                for (int i = 0; i <= k; i++) {
                    values(s.createRow(1 + i), date, "Tổ " + (k + 1) + " Người " + (i + 1), cccd(14 + k, i + 1),
                            LocalDate.of(2021, 4, 1 + i));
                }
            }
            save(wb, "hai-to.xlsx");
        }
        expect("hai-to.xlsx", XLSX, UNION_PARAM, 202, 1, 0, 1, "Tổ 1", "");
        expect("hai-to.xlsx", XLSX, UNION_PARAM + "&sheet=to%202", 202, 2, 0, 1, "Tổ 2", "");
        expect("hai-to.xlsx", XLSX, UNION_PARAM + "&sheet=To%209", 400, 0, 0, 0, "", "Tổ 1, Tổ 2");
    }

    // --- helpers ---

    private void expect(String file, String type, String query, int status, int created, int rejected, int headerRow,
                        String sheet, String detail) {
        expectations.add(new Expectation(file, type, query, status, created, rejected, headerRow, sheet, detail));
    }

    private static CellStyle dateStyle(Workbook wb) {
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
        return date;
    }

    private static CellStyle boldStyle(Workbook wb) {
        Font bold = wb.createFont();
        bold.setBold(true);
        CellStyle style = wb.createCellStyle();
        style.setFont(bold);
        return style;
    }

    private static void header(Sheet s, int row, String... names) {
        Row r = s.createRow(row);
        for (int c = 0; c < names.length; c++) {
            r.createCell(c).setCellValue(names[c]);
        }
    }

    private static void values(Row r, CellStyle date, Object... values) {
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            Cell cell = r.createCell(c);
            if (v instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(date);
            } else if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (v != null && !v.toString().isEmpty()) {
                cell.setCellValue(v.toString());
            }
        }
    }

    private void save(Workbook wb, String name) throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
            wb.write(out);
        }
    }

    private void csv(String name, Charset charset, boolean bom, char delimiter, List<List<String>> rows)
            throws IOException {
        try (Writer w = new OutputStreamWriter(Files.newOutputStream(dir.resolve(name)), charset)) {
            if (bom) {
                w.write('\uFEFF');
            }
            CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180.builder().setDelimiter(delimiter).get());
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
            printer.flush();
        }
    }
}
