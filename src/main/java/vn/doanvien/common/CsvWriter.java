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
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link Page} or a {@link Csv.Table} as CSV: byte-order mark, header row of the JSON field names,
 * one row per item, fields quoted as RFC 4180 requires, CRLF line ends. Cells hold what the JSON holds:
 * numbers and dates as JSON writes them, enums by name, nested objects and arrays as compact JSON.
 */
@Provider
@Produces(Csv.TEXT_CSV)
public class CsvWriter implements MessageBodyWriter<Object> {

    private final ObjectMapper mapper;

    public CsvWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return mediaType.isCompatible(Csv.TEXT_CSV_TYPE)
                && (Page.class.isAssignableFrom(type) || Csv.Table.class.isAssignableFrom(type));
    }

    @Override
    public void writeTo(Object entity, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> httpHeaders, OutputStream out) throws IOException {
        List<?> rows;
        Class<?> rowType;
        if (entity instanceof Csv.Table table) {
            rows = table.csvRows();
            rowType = table.csvRowType();
        } else {
            rows = ((Page<?>) entity).items();
            rowType = genericType instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c
                    ? c : null;
        }
        httpHeaders.putSingle("Content-Type", "text/csv;charset=UTF-8");
        String name = rowType == null ? "export" : rowType.getSimpleName().replace("Response", "")
                .replace("Row", "").toLowerCase(Locale.ROOT);
        httpHeaders.putSingle("Content-Disposition", "attachment; filename=\"" + (name.isEmpty() ? "export" : name)
                + ".csv\"");
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write('\uFEFF');
        List<Column> columns = columns(rowType, rows);
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(quote(columns.get(i).name));
        }
        w.write("\r\n");
        for (Object row : rows) {
            if (row == null) {
                break;
            }
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    w.write(',');
                }
                w.write(quote(cell(columns.get(i).value(row))));
            }
            w.write("\r\n");
        }
        w.flush();
    }

    private record Column(String name, Method accessor) {
        Object value(Object row) {
            try {
                return accessor.invoke(row);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + name, e);
            }
        }
    }

    private static List<Column> columns(Class<?> rowType, List<?> rows) {
        Class<?> type = rowType;
        if ((type == null || !type.isRecord()) && !rows.isEmpty() && rows.get(0) != null) {
            type = rows.get(0).getClass();
        }
        List<Column> columns = new ArrayList<>();
        if (type != null && type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                Method m = c.getAccessor();
                m.setAccessible(true);
                columns.add(new Column(c.getName(), m));
            }
        }
        return columns;
    }

    private String cell(Object v) throws IOException {
        if (v == null) {
            return "";
        }
        if (v instanceof CharSequence s) {
            return Csv.inert(s.toString());
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        String json = mapper.writeValueAsString(v);
        if ((v instanceof Temporal || v instanceof java.time.YearMonth) && json.length() >= 2 && json.startsWith("\"")) {
            return mapper.readValue(json, String.class);
        }
        return json;
    }

    /** RFC 4180: a field with a comma, quote, CR or LF is enclosed in quotes, quotes doubled. */
    static String quote(String s) {
        boolean needs = false;
        for (int i = 0; i < s.length() && !needs; i++) {
            char c = s.charAt(i);
            needs = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
