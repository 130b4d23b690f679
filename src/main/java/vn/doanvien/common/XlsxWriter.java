package vn.doanvien.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import vn.doanvien.spreadsheet.XlsxTableWriter;

/**
 * Writes a {@link Page} or an {@link Exports.Table} as an XLSX workbook, streamed (see {@link XlsxTableWriter}):
 * Vietnamese column headers ({@link ExportHeaders}), numbers and dates as typed cells, text as text, nested
 * objects as compact JSON text.
 */
@Provider
@Produces(Exports.XLSX)
public class XlsxWriter implements MessageBodyWriter<Object> {

    /** Dates and times are shown in Vietnam's time, as the JSON writes them. */
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ObjectMapper mapper;

    public XlsxWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return mediaType.isCompatible(Exports.XLSX_TYPE) && ExportColumns.exportable(type);
    }

    @Override
    public void writeTo(Object entity, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> httpHeaders, OutputStream out) throws IOException {
        ExportColumns table = ExportColumns.of(entity, genericType);
        httpHeaders.putSingle("Content-Type", Exports.XLSX);
        httpHeaders.putSingle("Content-Disposition", "attachment; filename=\"" + table.fileName() + ".xlsx\"");
        List<String> headers = new ArrayList<>();
        table.columns().forEach(c -> headers.add(ExportHeaders.label(c.name())));
        try (XlsxTableWriter sheet = new XlsxTableWriter(out, ExportHeaders.sheetName(table.fileName()), headers,
                ZONE)) {
            List<Object> cells = new ArrayList<>(headers.size());
            for (Object row : table.rows()) {
                if (row == null) {
                    break;
                }
                cells.clear();
                for (ExportColumns.Column c : table.columns()) {
                    cells.add(cell(c.value(row)));
                }
                sheet.row(cells);
            }
            sheet.finish();
        }
    }

    private Object cell(Object v) throws IOException {
        if (v == null || v instanceof CharSequence || v instanceof Number || v instanceof Boolean
                || v instanceof Enum<?> || v instanceof LocalDate || v instanceof OffsetDateTime
                || v instanceof LocalDateTime || v instanceof YearMonth) {
            return v;
        }
        return mapper.writeValueAsString(v);
    }
}
