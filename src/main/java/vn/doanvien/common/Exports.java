package vn.doanvien.common;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.AbstractList;
import java.util.List;
import java.util.function.Function;
import vn.doanvien.spreadsheet.CellValue;
import vn.doanvien.spreadsheet.SheetFormat;

/**
 * Table exports: lists and statistics answer {@code Accept: text/csv} with UTF-8 CSV (with a byte-order mark, so
 * that Excel reads Vietnamese text), RFC 4180 quoting and a header row of the JSON field names, and
 * {@code Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet} with an XLSX workbook
 * (Vietnamese headers, typed cells); {@code ?format=csv|xlsx} says the same where a browser cannot set Accept.
 * Rows are written as they are read: a list is fetched {@value #CHUNK} rows at a time, each chunk in its own
 * transaction, so an export of a million rows never holds more than one chunk in memory. Text that a
 * spreadsheet would run as a formula is written inert ({@link #inert}).
 */
public final class Exports {

    public static final String TEXT_CSV = "text/csv";
    public static final MediaType TEXT_CSV_TYPE = new MediaType("text", "csv");
    public static final String XLSX = SheetFormat.XLSX_MEDIA_TYPE;
    public static final MediaType XLSX_TYPE = MediaType.valueOf(XLSX);
    /** Rows fetched per query while a list is exported. */
    public static final int CHUNK = 5_000;
    /** Hard cap of rows in one list export. */
    public static final int MAX_ROWS = 1_000_000;

    private Exports() {
    }

    /** A response that is a table: the rows its CSV holds (the JSON has them and may have more). */
    public interface Table {
        /** The rows, in order. */
        @JsonIgnore
        List<?> csvRows();

        /** The type of the rows, which gives the header (its record components). */
        @JsonIgnore
        Class<?> csvRowType();
    }

    /**
     * Text as a spreadsheet must show it, not run it: a cell that starts with {@code = + - @}, a tab or a CR is
     * read by Excel and LibreOffice as a formula (CSV injection), so it gets a leading apostrophe, which they
     * show as text. Only text cells: numbers, dates and enums never pass here.
     */
    public static String inert(String text) {
        return CellValue.inert(text);
    }

    /**
     * Whether the client asked for a file (CSV or XLSX): one of them comes before any JSON-compatible type in its
     * Accept header.
     */
    public static boolean wanted(HttpHeaders headers) {
        for (MediaType m : headers.getAcceptableMediaTypes()) {
            if ("text".equalsIgnoreCase(m.getType()) && "csv".equalsIgnoreCase(m.getSubtype())) {
                return true;
            }
            if (!m.isWildcardType() && !m.isWildcardSubtype() && m.isCompatible(XLSX_TYPE)) {
                return true;
            }
            if (m.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    /** A list endpoint's answer: one page as asked, or for a file every matching row (see {@link #allPages}). */
    public static <T> Page<T> list(HttpHeaders headers, PageRequest request, Function<PageRequest, Page<T>> fetch) {
        return wanted(headers) ? allPages(request, fetch) : fetch.apply(request);
    }

    /**
     * For a file export: every row matching the list's filters (page and size are ignored, the sort kept), as a
     * page whose items are fetched {@value #CHUNK} at a time while they are written, up to {@value #MAX_ROWS}.
     */
    public static <T> Page<T> allPages(PageRequest request, Function<PageRequest, Page<T>> fetch) {
        Page<T> first = fetch.apply(new PageRequest(0, CHUNK, request.sort()));
        int total = (int) Math.min(first.totalItems(), MAX_ROWS);
        return new Page<>(new ChunkedList<>(first.items(), total, i -> fetch.apply(
                new PageRequest(i, CHUNK, request.sort())).items()), 0, total, first.totalItems(), 1);
    }

    /** The rows of a list export, read chunk by chunk in order; only the current chunk is kept. */
    private static final class ChunkedList<T> extends AbstractList<T> {
        private final int size;
        private final Function<Integer, List<T>> chunkLoader;
        private int chunkIndex;
        private List<T> chunk;

        ChunkedList(List<T> first, int size, Function<Integer, List<T>> chunkLoader) {
            this.size = size;
            this.chunkLoader = chunkLoader;
            this.chunk = first;
        }

        @Override
        public T get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException(index);
            }
            int wanted = index / CHUNK;
            if (wanted != chunkIndex) {
                chunk = chunkLoader.apply(wanted);
                chunkIndex = wanted;
            }
            int offset = index % CHUNK;
            // Rows deleted while exporting shorten the last chunks; the export then ends early.
            return offset < chunk.size() ? chunk.get(offset) : null;
        }

        @Override
        public int size() {
            return size;
        }
    }
}
