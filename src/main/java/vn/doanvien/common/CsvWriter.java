package vn.doanvien.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.doanvien.spreadsheet.CellValue;

/**
 * Writes a {@link Page} or an {@link Exports.Table} as CSV with Apache Commons CSV: byte-order mark, header row
 * of the JSON field names, one row per item, RFC 4180 quoting, CRLF line ends. Cells hold what the JSON holds,
 * except that whole numbers never get a fraction (a count is 1685700, not 1685700.0): dates ISO, enums by name,
 * nested objects and arrays as compact JSON.
 */
@Provider
@Produces(Exports.TEXT_CSV)
public class CsvWriter implements MessageBodyWriter<Object> {

    private final ObjectMapper mapper;

    public CsvWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return mediaType.isCompatible(Exports.TEXT_CSV_TYPE) && ExportColumns.exportable(type);
    }

    @Override
    public void writeTo(Object entity, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> httpHeaders, OutputStream out) throws IOException {
        ExportColumns table = ExportColumns.of(entity, genericType);
        httpHeaders.putSingle("Content-Type", "text/csv;charset=UTF-8");
        httpHeaders.putSingle("Content-Disposition", "attachment; filename=\"" + table.fileName() + ".csv\"");
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180);
        List<String> header = new ArrayList<>();
        table.columns().forEach(c -> header.add(c.name()));
        csv.printRecord(header);
        List<String> cells = new ArrayList<>(header.size());
        for (Object row : table.rows()) {
            if (row == null) {
                break;
            }
            cells.clear();
            for (ExportColumns.Column c : table.columns()) {
                cells.add(cell(c.value(row)));
            }
            csv.printRecord(cells);
        }
        csv.flush();
    }

    private String cell(Object v) throws IOException {
        if (v == null || v instanceof CharSequence || v instanceof Enum<?> || v instanceof Number) {
            return CellValue.text(v);
        }
        String json = mapper.writeValueAsString(v);
        if ((v instanceof Temporal || v instanceof YearMonth) && json.length() >= 2 && json.startsWith("\"")) {
            return mapper.readValue(json, String.class); // as the JSON writes it (the zone of the API)
        }
        return json;
    }
}
