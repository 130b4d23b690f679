package vn.doanvien.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Vietnamese column headers of XLSX exports, by JSON field name ({@code export-headers.properties}); a field
 * without one keeps its JSON name. CSV exports keep the JSON names, which programs read back.
 */
final class ExportHeaders {

    private static final Properties LABELS = load();

    private ExportHeaders() {
    }

    static String label(String field) {
        return LABELS.getProperty(field, field);
    }

    /** A sheet's name from the export's name: a known one in Vietnamese, at most Excel's 31 characters. */
    static String sheetName(String export) {
        String name = LABELS.getProperty("sheet." + export, export);
        return name.length() > 31 ? name.substring(0, 31) : name;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = ExportHeaders.class.getResourceAsStream("/export-headers.properties")) {
            if (in != null) {
                try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
