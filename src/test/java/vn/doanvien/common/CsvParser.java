package vn.doanvien.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A strict RFC 4180 reader for tests: quoted fields with doubled quotes, commas and line breaks inside. */
public final class CsvParser {

    private CsvParser() {
    }

    /** Every record as a list of fields; fails on a malformed quote. Accepts CRLF or LF record ends. */
    public static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = text.length();
        boolean any = false;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"' && field.length() == 0) {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("unterminated quoted field");
                    }
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                        } else {
                            i++;
                            break;
                        }
                    } else {
                        field.append(q);
                        i++;
                    }
                }
                if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                    throw new IllegalArgumentException("text after a closing quote at " + i);
                }
                any = true;
                continue;
            }
            if (c == '"') {
                throw new IllegalArgumentException("quote inside an unquoted field at " + i);
            }
            if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                any = true;
                i++;
            } else if (c == '\r' || c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                any = false;
                i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
            } else {
                field.append(c);
                any = true;
                i++;
            }
        }
        if (any || field.length() > 0) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    /** The records after the header as maps from header name to field; checks the byte-order mark and widths. */
    public static List<Map<String, String>> rows(byte[] body) {
        if (body.length < 3 || (body[0] & 0xff) != 0xEF || (body[1] & 0xff) != 0xBB || (body[2] & 0xff) != 0xBF) {
            throw new AssertionError("CSV does not start with a UTF-8 byte-order mark");
        }
        String text = new String(body, 3, body.length - 3, java.nio.charset.StandardCharsets.UTF_8);
        List<List<String>> records = parse(text);
        List<String> header = records.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> r : records.subList(1, records.size())) {
            if (r.size() != header.size()) {
                throw new AssertionError("record of " + r.size() + " fields under a header of " + header.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int k = 0; k < header.size(); k++) {
                row.put(header.get(k), r.get(k));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The header of a CSV body (after the byte-order mark). */
    public static List<String> header(byte[] body) {
        String text = new String(body, 3, body.length - 3, java.nio.charset.StandardCharsets.UTF_8);
        return parse(text).get(0);
    }

    /** Whether a CSV field holds the JSON value: empty for null, the same number, the same text. */
    public static boolean same(Object json, String csv) {
        if (json == null) {
            return csv.isEmpty();
        }
        if (json instanceof Number n) {
            return !csv.isEmpty() && Math.abs(Double.parseDouble(csv) - n.doubleValue()) < 1e-4;
        }
        // text a spreadsheet would run as a formula is written with a leading apostrophe (Exports.inert)
        return String.valueOf(json).equals(csv) || (json instanceof String t && ("'" + t).equals(csv)
                && !t.isEmpty() && "=+-@\t\r".indexOf(t.charAt(0)) >= 0);
    }

    /** Asserts that the CSV rows are the JSON objects, field by field, in order and nothing more. */
    public static void assertRowsMatch(List<Map<String, Object>> json, List<Map<String, String>> csv) {
        if (json.size() != csv.size()) {
            throw new AssertionError("JSON has " + json.size() + " rows, CSV " + csv.size());
        }
        for (int i = 0; i < json.size(); i++) {
            Map<String, Object> j = json.get(i);
            Map<String, String> c = csv.get(i);
            if (!c.keySet().containsAll(j.keySet())) {
                throw new AssertionError("CSV columns " + c.keySet() + " lack some of " + j.keySet());
            }
            for (Map.Entry<String, Object> e : j.entrySet()) {
                if (e.getValue() instanceof Map || e.getValue() instanceof List) {
                    continue;
                }
                if (!same(e.getValue(), c.get(e.getKey()))) {
                    throw new AssertionError("row " + i + " field " + e.getKey() + ": JSON " + e.getValue()
                            + ", CSV " + c.get(e.getKey()));
                }
            }
        }
    }
}
