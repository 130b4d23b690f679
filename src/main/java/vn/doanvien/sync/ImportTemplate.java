package vn.doanvien.sync;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The member list template: a sheet "Danh sách đoàn viên" with the headers an import reads (the required ones
 * marked *), formatted columns (dates as dd/mm/yyyy, the CCCD as text so that its leading zero stays), a list for
 * Giới tính, checked dates and CCCD lengths; and a sheet "Hướng dẫn" explaining each column.
 */
final class ImportTemplate {

    /** Rows prepared with formats and checks. */
    static final int ROWS = 5000;

    /** A column: header, required, what it holds, an example. */
    record Column(String header, boolean required, String meaning, String example, Kind kind) {
    }

    enum Kind { TEXT, DATE, GENDER, NATIONAL_ID, NUMBER }

    static final List<Column> COLUMNS = List.of(
            new Column("STT", false, "Số thứ tự; không được nhập vào hệ thống", "1", Kind.NUMBER),
            new Column("Họ và tên", true, "Họ và tên đầy đủ, có dấu", "Nguyễn Thị Lan", Kind.TEXT),
            new Column("Ngày sinh", false, "Ngày sinh, dd/mm/yyyy; đủ 15 tuổi vào ngày vào công đoàn",
                    "12/04/1990", Kind.DATE),
            new Column("Giới tính", false, "Nam, Nữ hoặc Khác", "Nữ", Kind.GENDER),
            new Column("Quốc tịch", false, "Mã quốc gia 2 chữ (VN, KR, CN…); để trống là Việt Nam", "VN", Kind.TEXT),
            new Column("Số CCCD", true, "12 chữ số, bắt buộc với công dân Việt Nam (ô dạng văn bản để giữ số 0 "
                    + "đầu; nếu số 0 bị mất, hệ thống tự thêm lại)", "001190012345", Kind.NATIONAL_ID),
            new Column("Số hộ chiếu", false, "Bắt buộc với người nước ngoài, để trống với công dân Việt Nam",
                    "M1234567", Kind.TEXT),
            new Column("Số điện thoại", false, "8–20 chữ số, có thể có dấu cách, dấu chấm, dấu gạch", "0903 111 222",
                    Kind.TEXT),
            new Column("Email", false, "Địa chỉ thư điện tử", "lan.nguyen@example.vn", Kind.TEXT),
            new Column("Mã CĐCS", false, "Mã công đoàn cơ sở như trên giấy tờ (hoặc mã số trong hệ thống); để "
                    + "trống khi cả tệp thuộc một CĐCS được chọn lúc tải lên", "CDCS-HN-00012", Kind.TEXT),
            new Column("Ngày vào công đoàn", true, "Ngày kết nạp, dd/mm/yyyy, không sau hôm nay", "01/03/2021",
                    Kind.DATE),
            new Column("Ghi chú", false, "Tự do; không được nhập vào hệ thống", "", Kind.TEXT));

    private ImportTemplate() {
    }

    static void write(OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet list = workbook.createSheet("Danh sách đoàn viên");
            Sheet notes = workbook.createSheet("Hướng dẫn");
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            Row top = list.createRow(0);
            DataValidationHelper checks = list.getDataValidationHelper();
            for (int c = 0; c < COLUMNS.size(); c++) {
                Column column = COLUMNS.get(c);
                var cell = top.createCell(c);
                cell.setCellValue(column.header() + (column.required() ? " *" : ""));
                cell.setCellStyle(header);
                list.setColumnWidth(c, Math.max(12, column.header().length() + 6) * 256);
                CellRangeAddressList cells = new CellRangeAddressList(1, ROWS, c, c);
                switch (column.kind()) {
                    case DATE -> {
                        list.setDefaultColumnStyle(c, date);
                        add(list, checks, checks.createDateConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                                "DATE(1900,1,1)", "DATE(2199,12,31)", "dd/mm/yyyy"), cells,
                                column.header(), "Nhập một ngày, ví dụ 01/03/2021");
                    }
                    case GENDER -> add(list, checks, checks.createExplicitListConstraint(
                            new String[] {"Nam", "Nữ", "Khác"}), cells, column.header(), "Chọn Nam, Nữ hoặc Khác");
                    case NATIONAL_ID -> {
                        list.setDefaultColumnStyle(c, text);
                        add(list, checks, checks.createTextLengthConstraint(DataValidationConstraint.OperatorType.EQUAL,
                                "12", null), cells, column.header(), "Số CCCD có 12 chữ số");
                    }
                    default -> list.setDefaultColumnStyle(c, text);
                }
            }
            list.createFreezePane(0, 1);
            String[] noteHeader = {"Cột", "Bắt buộc", "Ý nghĩa", "Ví dụ"};
            Row nh = notes.createRow(0);
            for (int c = 0; c < noteHeader.length; c++) {
                nh.createCell(c).setCellValue(noteHeader[c]);
                nh.getCell(c).setCellStyle(header);
            }
            for (int i = 0; i < COLUMNS.size(); i++) {
                Column column = COLUMNS.get(i);
                Row r = notes.createRow(i + 1);
                r.createCell(0).setCellValue(column.header());
                r.createCell(1).setCellValue(column.required() ? "Có" : "");
                r.createCell(2).setCellValue(column.meaning());
                r.createCell(3).setCellValue(column.example());
            }
            Row tip = notes.createRow(COLUMNS.size() + 2);
            tip.createCell(0).setCellValue("Có thể thêm dòng tiêu đề phía trên dòng tên cột; tên cột có dấu hay không "
                    + "dấu đều được. Dòng bị từ chối được trả lại thành tệp kèm cột \"Lý do từ chối\" để sửa và tải lên "
                    + "lại. Cột có dấu * là bắt buộc.");
            notes.setColumnWidth(0, 22 * 256);
            notes.setColumnWidth(1, 10 * 256);
            notes.setColumnWidth(2, 90 * 256);
            notes.setColumnWidth(3, 24 * 256);
            workbook.write(out);
        }
    }

    private static void add(Sheet sheet, DataValidationHelper checks, DataValidationConstraint constraint,
                            CellRangeAddressList cells, String title, String message) {
        DataValidation v = checks.createValidation(constraint, cells);
        v.setShowErrorBox(true);
        v.createErrorBox(title, message);
        v.setEmptyCellAllowed(true);
        sheet.addValidationData(v);
    }
}
