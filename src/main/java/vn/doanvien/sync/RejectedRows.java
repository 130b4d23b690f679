package vn.doanvien.sync;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.doanvien.spreadsheet.CellValue;
import vn.doanvien.spreadsheet.XlsxTableWriter;

/**
 * The rows of an import that were not imported, as a file the officer can fix and upload again: the row's number
 * in the original file ({@value #ROW}), the original columns under the original header, and why ({@value #REASON}).
 * The two added columns are not columns of a member list, so the fixed file imports as it is.
 */
record RejectedRows(long jobId, List<String> header, List<Row> rows) {

    static final String ROW = "Dòng trong tệp gốc";
    static final String REASON = "Lý do từ chối";

    record Row(int number, List<String> cells, String reason) {
    }

    /**
     * Columns of the original file that this file adds itself: a fixed file of rejected rows, uploaded again, has
     * them already.
     */
    private boolean[] dropped() {
        int width = header == null ? 0 : header.size();
        boolean[] drop = new boolean[width];
        for (int i = 0; i < width; i++) {
            drop[i] = header.get(i).trim().equalsIgnoreCase(ROW) || header.get(i).trim().equalsIgnoreCase(REASON);
        }
        return drop;
    }

    /** The header: the original one, or (jobs from before it was kept) as many "Cột n" as the widest row. */
    List<String> columns() {
        List<String> columns = new ArrayList<>();
        columns.add(ROW);
        if (header != null) {
            boolean[] drop = dropped();
            for (int i = 0; i < header.size(); i++) {
                if (!drop[i]) {
                    columns.add(header.get(i));
                }
            }
        } else {
            int width = rows.stream().mapToInt(r -> r.cells().size()).max().orElse(0);
            for (int i = 1; i <= width; i++) {
                columns.add("Cột " + i);
            }
        }
        columns.add(REASON);
        return columns;
    }

    private List<Object> values(Row r, int width) {
        List<Object> values = new ArrayList<>(width + 2);
        values.add(r.number());
        boolean[] drop = dropped();
        int columns = header == null ? width : header.size();
        for (int i = 0; i < columns; i++) {
            if (i >= drop.length || !drop[i]) {
                values.add(i < r.cells().size() ? r.cells().get(i) : "");
            }
        }
        values.add(r.reason());
        return values;
    }

    /** UTF-8 CSV with a byte-order mark, comma separated; text that a spreadsheet would run is made inert. */
    void writeCsv(OutputStream out) throws IOException {
        List<String> columns = columns();
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180);
        csv.printRecord(columns);
        for (Row r : rows) {
            List<String> cells = new ArrayList<>();
            for (Object v : values(r, columns.size() - 2)) {
                cells.add(CellValue.text(v));
            }
            csv.printRecord(cells);
        }
        csv.flush();
    }

    void writeXlsx(OutputStream out) throws IOException {
        List<String> columns = columns();
        try (XlsxTableWriter sheet = new XlsxTableWriter(out, "Dòng bị từ chối", columns,
                ZoneId.of("Asia/Ho_Chi_Minh"))) {
            for (Row r : rows) {
                sheet.row(values(r, columns.size() - 2));
            }
            sheet.finish();
        }
    }
}
