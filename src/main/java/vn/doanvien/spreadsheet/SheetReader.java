package vn.doanvien.spreadsheet;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import vn.doanvien.common.ApiProblem;

/**
 * Reads a spreadsheet file as officers keep them, streaming: a title, blank rows or notes may come before the
 * header, which is the first row the caller's {@link HeaderTest} accepts within the first {@value #HEADER_SCAN_ROWS}
 * rows; a workbook's sheet is the one named, else the first whose header matches. Rows after the header are
 * handed over one by one (blank rows skipped); nothing holds the whole file. A file that cannot be read is a 400
 * problem on the field {@code file}, never an exception of a library.
 */
public final class SheetReader {

    /** The header must be within this many rows from the top of the sheet. */
    public static final int HEADER_SCAN_ROWS = 30;

    private SheetReader() {
    }

    /** Which row is the header. */
    public interface HeaderTest {
        boolean matches(List<String> cells);

        /** The columns looked for, in words, for the problem when no row matches. */
        String expected();
    }

    /** The header found: in which sheet (null for CSV), at which row, with which cells. */
    public record Header(String sheet, int rowNumber, List<String> cells) {
    }

    /** Receives the header, then every non-blank row after it. Either may throw {@link Stop} to end the read. */
    public interface Rows {
        void header(Header header);

        void row(SheetRow row);
    }

    /** Thrown by a {@link Rows} to stop reading; the read then ends quietly. */
    public static final class Stop extends RuntimeException {
        public Stop() {
            super(null, null, false, false);
        }
    }

    /**
     * Reads {@code in} to its end (or a {@link Stop}). {@code sheet} names the worksheet of a workbook; null picks
     * the first whose header matches. Returns the header.
     */
    public static Header read(InputStream in, SheetFormat format, String sheet, HeaderTest test, Rows rows) {
        Scan scan = new Scan(test, rows);
        try {
            if (format == SheetFormat.XLSX) {
                XlsxSheets.read(in, sheet, scan);
            } else {
                CsvSheets.read(in, scan);
            }
        } catch (Stop stop) {
            // the reader's choice
        }
        if (scan.header == null) {
            throw ApiProblem.invalid("file", "has no header row: none of the first " + HEADER_SCAN_ROWS
                    + " rows" + scan.where() + " has the columns " + test.expected());
        }
        return scan.header;
    }

    /** Thrown when a sheet's first rows hold no header: the next sheet is tried. */
    static final class NotHere extends RuntimeException {
        NotHere() {
            super(null, null, false, false);
        }
    }

    /** Finds the header in one sheet, then hands over the rows after it. */
    static final class Scan {
        private final HeaderTest test;
        private final Rows rows;
        private final List<String> sheetsTried = new ArrayList<>();
        private final List<String> scannedText = new ArrayList<>();
        private String sheet;
        Header header;

        Scan(HeaderTest test, Rows rows) {
            this.test = test;
            this.rows = rows;
        }

        void startSheet(String name) {
            sheet = name;
            if (name != null) {
                sheetsTried.add(name);
            }
        }

        void accept(SheetRow row) {
            if (header != null) {
                if (!row.isBlank()) {
                    rows.row(row);
                }
                return;
            }
            if (row.number() > HEADER_SCAN_ROWS) {
                throw new NotHere();
            }
            if (row.isBlank()) {
                return;
            }
            scannedText.add(String.join(" ", row.cells()));
            if (test.matches(row.cells())) {
                header = new Header(sheet, row.number(), row.cells());
                rows.header(header);
            }
        }

        /** Refuses text typed in a legacy Vietnamese encoding, which no header can match. */
        void refuseLegacyText() {
            if (LegacyVietnamese.looksLegacy(String.join(" ", scannedText))) {
                throw LegacyVietnamese.problem();
            }
        }

        String where() {
            return sheetsTried.isEmpty() ? "" : " of the sheets " + String.join(", ", sheetsTried);
        }
    }
}
