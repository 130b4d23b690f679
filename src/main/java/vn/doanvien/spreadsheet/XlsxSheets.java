package vn.doanvien.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipInputStreamZipEntrySource;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.TextNormalizer;

/**
 * XLSX read with Apache POI's streaming event API: the sheet's XML is parsed as a stream of rows (SAX), never
 * loaded as a workbook. Shared and inline strings, formulas' cached values, dates as dates (written
 * YYYY-MM-DD), numbers in full (a CCCD typed as a number is not turned into 1.23E+11), merged cells (the value is
 * in their first cell). The package is unpacked from the stream with every large part kept in a temporary
 * file that POI encrypts, so neither the heap nor the disk holds the file in clear.
 */
final class XlsxSheets {

    static {
        ZipInputStreamZipEntrySource.setThresholdBytesForTempFiles(1024 * 1024);
        ZipInputStreamZipEntrySource.setEncryptTempFiles(true);
    }

    private XlsxSheets() {
    }

    static void read(InputStream in, String wantedSheet, SheetReader.Scan scan) {
        try {
            readSheets(in, wantedSheet, scan);
        } catch (Passthrough p) {
            throw (RuntimeException) p.getCause();
        }
    }

    private static void readSheets(InputStream in, String wantedSheet, SheetReader.Scan scan) {
        List<String> names = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(in)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    String name = sheets.getSheetName();
                    names.add(name);
                    if (wantedSheet != null && !sameName(name, wantedSheet)) {
                        continue;
                    }
                    scan.startSheet(name);
                    try {
                        parse(sheet, styles == null ? new StylesTable() : styles, strings, scan);
                    } catch (Passthrough p) {
                        if (!(p.getCause() instanceof SheetReader.NotHere)) {
                            throw p;
                        }
                        // no header in this sheet's first rows: try the next one
                    }
                    if (scan.header != null || wantedSheet != null) {
                        break;
                    }
                }
            }
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
                 | POIXMLException | OpenXML4JRuntimeException | org.apache.poi.util.RecordFormatException
                 | IllegalArgumentException | IllegalStateException e) {
            throw ApiProblem.invalid("file", "is not a readable XLSX workbook (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + shorten(e.getMessage())) + ")");
        }
        if (wantedSheet != null && names.stream().noneMatch(n -> sameName(n, wantedSheet))) {
            throw ApiProblem.invalid("sheet", "the workbook has no sheet \"" + wantedSheet + "\"; its sheets are "
                    + String.join(", ", names));
        }
        if (scan.header == null) {
            scan.refuseLegacyText();
        }
    }

    private static void parse(InputStream sheet, StylesTable styles, ReadOnlySharedStringsTable strings,
                              SheetReader.Scan scan) throws IOException, SAXException, ParserConfigurationException {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(scan), new CellText(), false));
        try {
            xml.parse(new InputSource(sheet));
        } catch (SAXException e) {
            // a Stop, NotHere or problem thrown from a row arrives wrapped by some parsers
            if (e.getCause() instanceof Passthrough p) {
                throw p;
            }
            throw e;
        }
    }

    /** Sheet names compare as people type them: without case or diacritics. */
    private static boolean sameName(String a, String b) {
        return TextNormalizer.fold(a).equals(TextNormalizer.fold(b));
    }

    private static String shorten(String message) {
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }

    /**
     * What the rows' receiver threw (a stop, a problem, a failure of the import it feeds), carried through POI
     * untouched, so that only the library's own exceptions are taken for an unreadable file.
     */
    private static final class Passthrough extends RuntimeException {
        Passthrough(RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** Collects the cells of each row and hands the row to the scan. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final SheetReader.Scan scan;
        private TreeMap<Integer, String> cells = new TreeMap<>();
        private int nextColumn;

        Rows(SheetReader.Scan scan) {
            this.scan = scan;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new TreeMap<>();
            nextColumn = 0;
        }

        @Override
        public void endRow(int rowNum) {
            List<String> list = new ArrayList<>(cells.isEmpty() ? 0 : cells.lastKey() + 1);
            if (!cells.isEmpty()) {
                for (int c = 0; c <= cells.lastKey(); c++) {
                    list.add(cells.getOrDefault(c, ""));
                }
            }
            try {
                scan.accept(new SheetRow(rowNum + 1, CsvSheets.trimTrailing(list)));
            } catch (RuntimeException e) {
                throw new Passthrough(e);
            }
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int column = ref == null ? nextColumn : new CellReference(ref).getCol();
            nextColumn = column + 1;
            cells.put(column, value == null ? "" : value.trim());
        }
    }
}
