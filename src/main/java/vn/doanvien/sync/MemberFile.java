package vn.doanvien.sync;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.doanvien.common.ApiProblem;

/**
 * Reads a member list file into rows of text cells: CSV (UTF-8 with or without BOM, comma or semicolon,
 * RFC 4180 quotes) or XLSX (the first worksheet, read with the JDK's zip and StAX, no spreadsheet library).
 * The first non-empty row is the header. Each row keeps its spreadsheet row number (the header is row 1 when
 * it is the first line).
 */
final class MemberFile {

    enum Format { CSV, XLSX }

    /** One data row: its number in the file and its cells, in column order. */
    record Row(int number, List<String> cells) {
    }

    record Table(List<String> header, List<Row> rows) {
    }

    private static final int MAX_ROWS = 100_000;
    private static final long MAX_XML_BYTES = 200L * 1024 * 1024;

    private MemberFile() {
    }

    static Format detect(byte[] content, String contentType) {
        if (content.length >= 2 && content[0] == 'P' && content[1] == 'K') {
            return Format.XLSX;
        }
        return Format.CSV;
    }

    static Table read(byte[] content, Format format) {
        Table t = format == Format.XLSX ? xlsx(content) : csv(content);
        if (t.header().isEmpty()) {
            throw ApiProblem.invalid("file", "has no header row");
        }
        if (t.rows().size() > MAX_ROWS) {
            throw ApiProblem.invalid("file", "has " + t.rows().size() + " rows; at most " + MAX_ROWS + " per import");
        }
        return t;
    }

    // --- CSV ---

    static Table csv(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw ApiProblem.invalid("file", "is not UTF-8 text; save the CSV as UTF-8 (or send XLSX)");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int firstLineEnd = text.indexOf('\n');
        String firstLine = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
        char delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            boolean end = i == text.length();
            if (quoted && !end) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
                continue;
            }
            if (c == '"' && cell.toString().isBlank()) {
                cell.setLength(0);
                quoted = true;
            } else if (c == delimiter) {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else if (c == '\n' || end) {
                cells.add(strip(cell.toString()).trim());
                cell.setLength(0);
                if (!cells.stream().allMatch(String::isEmpty)) {
                    if (header == null) {
                        header = List.copyOf(cells);
                    } else {
                        rows.add(new Row(recordLine, List.copyOf(cells)));
                    }
                }
                cells.clear();
                line++;
                recordLine = line;
                if (end) {
                    break;
                }
            } else {
                cell.append(c);
            }
        }
        return new Table(header == null ? List.of() : header, rows);
    }

    private static String strip(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    // --- XLSX ---

    static Table xlsx(byte[] content) {
        Map<String, byte[]> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            long total = 0;
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                if (name.equals("xl/sharedStrings.xml") || name.equals("xl/workbook.xml")
                        || name.equals("xl/_rels/workbook.xml.rels") || name.startsWith("xl/worksheets/sheet")) {
                    byte[] data = zip.readNBytes((int) Math.min(MAX_XML_BYTES - total, Integer.MAX_VALUE - 8));
                    total += data.length;
                    if (total >= MAX_XML_BYTES) {
                        throw ApiProblem.invalid("file", "the spreadsheet is too large once unpacked");
                    }
                    parts.put(name, data);
                }
            }
        } catch (IOException e) {
            throw ApiProblem.invalid("file", "is not a readable XLSX file (" + e.getMessage() + ")");
        }
        String sheet = firstSheet(parts);
        if (sheet == null || !parts.containsKey(sheet)) {
            throw ApiProblem.invalid("file", "is not an XLSX workbook with a worksheet");
        }
        try {
            List<String> shared = parts.containsKey("xl/sharedStrings.xml")
                    ? sharedStrings(parts.get("xl/sharedStrings.xml")) : List.of();
            return sheet(parts.get(sheet), shared);
        } catch (XMLStreamException e) {
            throw ApiProblem.invalid("file", "is not a readable XLSX file (broken XML)");
        }
    }

    /** The worksheet of the workbook's first sheet, through the relationships; sheet1.xml when unsure. */
    private static String firstSheet(Map<String, byte[]> parts) {
        try {
            if (parts.containsKey("xl/workbook.xml") && parts.containsKey("xl/_rels/workbook.xml.rels")) {
                String rel = null;
                XMLStreamReader r = reader(parts.get("xl/workbook.xml"));
                while (r.hasNext() && rel == null) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("sheet")) {
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            if (r.getAttributeLocalName(i).equals("id")) {
                                rel = r.getAttributeValue(i);
                            }
                        }
                    }
                }
                XMLStreamReader rels = reader(parts.get("xl/_rels/workbook.xml.rels"));
                while (rel != null && rels.hasNext()) {
                    if (rels.next() == XMLStreamConstants.START_ELEMENT && rels.getLocalName().equals("Relationship")
                            && rel.equals(rels.getAttributeValue(null, "Id"))) {
                        String target = rels.getAttributeValue(null, "Target");
                        return target.startsWith("/") ? target.substring(1) : "xl/" + target;
                    }
                }
            }
        } catch (XMLStreamException e) {
            // fall back below
        }
        return parts.keySet().stream().filter(n -> n.startsWith("xl/worksheets/sheet")).sorted().findFirst().orElse(null);
    }

    private static XMLStreamReader reader(byte[] xml) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        InputStream in = new ByteArrayInputStream(xml);
        return f.createXMLStreamReader(in);
    }

    private static List<String> sharedStrings(byte[] xml) throws XMLStreamException {
        List<String> strings = new ArrayList<>();
        XMLStreamReader r = reader(xml);
        StringBuilder current = null;
        boolean inPhonetic = false;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "si" -> current = new StringBuilder();
                    case "rPh" -> inPhonetic = true;
                    case "t" -> {
                        if (current != null && !inPhonetic) {
                            current.append(r.getElementText());
                        }
                    }
                    default -> { }
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                if (r.getLocalName().equals("si")) {
                    strings.add(current == null ? "" : current.toString());
                    current = null;
                } else if (r.getLocalName().equals("rPh")) {
                    inPhonetic = false;
                }
            }
        }
        return strings;
    }

    private static Table sheet(byte[] xml, List<String> shared) throws XMLStreamException {
        XMLStreamReader r = reader(xml);
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        TreeMap<Integer, String> cells = null;
        int rowNumber = 0;
        String ref = null;
        String type = null;
        String value = null;
        int nextColumn = 0;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "row" -> {
                        String n = r.getAttributeValue(null, "r");
                        rowNumber = n == null ? rowNumber + 1 : Integer.parseInt(n);
                        cells = new TreeMap<>();
                        nextColumn = 0;
                    }
                    case "c" -> {
                        ref = r.getAttributeValue(null, "r");
                        type = r.getAttributeValue(null, "t");
                        value = null;
                    }
                    case "v" -> value = r.getElementText();
                    case "t" -> value = (value == null ? "" : value) + r.getElementText();
                    default -> { }
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                if (r.getLocalName().equals("c") && cells != null) {
                    int column = ref == null ? nextColumn : column(ref);
                    nextColumn = column + 1;
                    String text = value == null ? "" : value;
                    if ("s".equals(type) && !text.isEmpty()) {
                        int i = Integer.parseInt(text.trim());
                        text = i < shared.size() ? shared.get(i) : "";
                    } else if ("b".equals(type)) {
                        text = "1".equals(text) ? "TRUE" : "FALSE";
                    }
                    cells.put(column, text.trim());
                } else if (r.getLocalName().equals("row") && cells != null) {
                    List<String> list = new ArrayList<>();
                    int last = cells.isEmpty() ? -1 : cells.lastKey();
                    for (int i = 0; i <= last; i++) {
                        list.add(cells.getOrDefault(i, ""));
                    }
                    if (!list.stream().allMatch(String::isEmpty)) {
                        if (header == null) {
                            header = List.copyOf(list);
                        } else {
                            rows.add(new Row(rowNumber, List.copyOf(list)));
                        }
                    }
                    cells = null;
                }
            }
        }
        return new Table(header == null ? List.of() : header, rows);
    }

    /** "C12" is column 2 (0-based). */
    private static int column(String ref) {
        int n = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            n = n * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
        }
        return n - 1;
    }
}
