import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A member list of N rows as an officer's file: a title row, a blank row, the usual Vietnamese header, then the
 * rows; written as XLSX (shared strings, as Excel writes them; date cells) and as the same rows in CSV (UTF-8
 * with BOM) and in a CSV for COPY (the baseline: member columns as stored). Usage: GenerateList N DIR
 */
public class GenerateList {
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Đức", "Ngọc", "Minh", "Thu", "Quốc", "Hồng"};
    private static final String[] GIVEN = {"An", "Bình", "Chi", "Dũng", "Hà", "Hải", "Lan", "Linh", "Nam", "Trang"};

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        Files.createDirectories(dir);
        Random rng = new Random(20);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, true, true);
             BufferedWriter csv = Files.newBufferedWriter(dir.resolve("list.csv"), StandardCharsets.UTF_8);
             BufferedWriter copy = Files.newBufferedWriter(dir.resolve("copy.csv"), StandardCharsets.UTF_8)) {
            SXSSFSheet s = wb.createSheet("Danh sách");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            s.createRow(0).createCell(0).setCellValue("DANH SÁCH ĐOÀN VIÊN CÔNG ĐOÀN CƠ SỞ");
            String[] header = {"STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Số điện thoại", "Ngày kết nạp", "Ghi chú"};
            Row h = s.createRow(2);
            for (int c = 0; c < header.length; c++) {
                h.createCell(c).setCellValue(header[c]);
            }
            csv.write('\uFEFF');
            csv.write(String.join(",", header));
            csv.write("\r\n");
            for (int i = 1; i <= n; i++) {
                String name = FAMILY[rng.nextInt(FAMILY.length)] + " " + MIDDLE[rng.nextInt(MIDDLE.length)] + " "
                        + GIVEN[rng.nextInt(GIVEN.length)];
                LocalDate born = LocalDate.of(1965 + rng.nextInt(40), 1 + rng.nextInt(12), 1 + rng.nextInt(28));
                boolean female = rng.nextBoolean();
                String cccd = String.format("0%02d%09d", 1 + rng.nextInt(96), 100_000_000L + i);
                String phone = String.format("09%08d", rng.nextInt(100_000_000));
                LocalDate joined = LocalDate.of(2015 + rng.nextInt(10), 1 + rng.nextInt(12), 1 + rng.nextInt(28));
                Row r = s.createRow(2 + i);
                r.createCell(0).setCellValue(i);
                r.createCell(1).setCellValue(name);
                r.createCell(2).setCellValue(born);
                r.getCell(2).setCellStyle(date);
                r.createCell(3).setCellValue(female ? "Nữ" : "Nam");
                r.createCell(4).setCellValue(cccd);
                r.createCell(5).setCellValue(phone);
                r.createCell(6).setCellValue(joined);
                r.getCell(6).setCellStyle(date);
                csv.write(i + "," + name + "," + born + "," + (female ? "Nữ" : "Nam") + "," + cccd + "," + phone + ","
                        + joined + ",\r\n");
                copy.write(i + "\t" + name + "\t" + born + "\t" + (female ? "FEMALE" : "MALE") + "\tVN\t" + cccd
                        + "\t" + phone + "\t" + joined + "\n");
            }
            try (OutputStream out = Files.newOutputStream(dir.resolve("list.xlsx"))) {
                wb.write(out);
            }
            wb.dispose();
        }
    }
}
