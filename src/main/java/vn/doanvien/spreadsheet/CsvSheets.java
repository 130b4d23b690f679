package vn.doanvien.spreadsheet;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.doanvien.common.ApiProblem;

/**
 * CSV read with Apache Commons CSV, streaming: UTF-8 with or without a byte-order mark (or UTF-16 with one, as
 * Excel's "Unicode Text" writes), a comma, semicolon or tab between cells (the one the first lines use most),
 * RFC 4180 quotes. Every line is a row, blank ones too, so that row numbers are the ones a spreadsheet shows.
 */
final class CsvSheets {

    /** Bytes looked at to tell the encoding and the delimiter. */
    private static final int SNIFF = 64 * 1024;
    private static final char[] DELIMITERS = {',', ';', '\t'};

    private CsvSheets() {
    }

    static void read(InputStream raw, SheetReader.Scan scan) {
        BufferedInputStream in = new BufferedInputStream(raw, SNIFF);
        byte[] head;
        try {
            in.mark(SNIFF + 1);
            head = in.readNBytes(SNIFF);
            in.reset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Charset charset = StandardCharsets.UTF_8;
        int bom = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            bom = 3;
        } else if (head.length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (head.length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        }
        String sniffed = decodeHead(head, bom, charset);
        char delimiter = delimiter(sniffed);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setTrim(true).setIgnoreSurroundingSpaces(true).get();
        scan.startSheet(null);
        long rowNumber = 0;
        try {
            in.skipNBytes(bom);
            Reader reader = new InputStreamReader(in, strict(charset));
            try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
                for (CSVRecord record : parser) {
                    rowNumber = record.getRecordNumber();
                    List<String> cells = new ArrayList<>(record.size());
                    record.forEach(cells::add);
                    scan.accept(new SheetRow((int) rowNumber, trimTrailing(cells)));
                }
            }
        } catch (SheetReader.NotHere notHere) {
            scan.refuseLegacyText();
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause(), rowNumber + 1);
        } catch (IOException e) {
            throw unreadable(e, rowNumber + 1);
        }
        if (scan.header == null) {
            scan.refuseLegacyText();
        }
    }

    private static ApiProblem unreadable(Throwable cause, long row) {
        if (cause instanceof CharacterCodingException) {
            return ApiProblem.invalid("file", "is not UTF-8 text from about row " + row + "; save it as \"CSV "
                    + "UTF-8 (Comma delimited)\" or send the XLSX workbook");
        }
        return ApiProblem.invalid("file", "is not a readable CSV file near row " + row + ": "
                + (cause == null ? "unreadable" : cause.getMessage()));
    }

    /**
     * The first bytes as text; a 400 problem when they are not in the encoding (with the advice for a legacy
     * Vietnamese encoding when the bytes look like one). A character cut at the end of the window is fine.
     */
    private static String decodeHead(byte[] head, int bom, Charset charset) {
        CharsetDecoder decoder = strict(charset);
        CharBuffer out = CharBuffer.allocate(head.length + 1);
        CoderResult result = decoder.decode(ByteBuffer.wrap(head, bom, head.length - bom), out, false);
        if (result.isError()) {
            String asLatin = new String(head, Charset.forName("windows-1252"));
            if (LegacyVietnamese.looksLegacy(asLatin)) {
                throw LegacyVietnamese.problem();
            }
            throw ApiProblem.invalid("file", "is not UTF-8 text; save it as \"CSV UTF-8 (Comma delimited)\" or "
                    + "send the XLSX workbook");
        }
        out.flip();
        return out.toString();
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The delimiter the first lines use most, outside quotes; a comma when there is none. */
    static char delimiter(String text) {
        int[] counts = new int[DELIMITERS.length];
        boolean quoted = false;
        int lines = 0;
        for (int i = 0; i < text.length() && lines < SheetReader.HEADER_SCAN_ROWS + 5; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '\n') {
                lines++;
            } else if (!quoted) {
                for (int d = 0; d < DELIMITERS.length; d++) {
                    if (c == DELIMITERS[d]) {
                        counts[d]++;
                    }
                }
            }
        }
        int best = 0;
        for (int d = 1; d < DELIMITERS.length; d++) {
            if (counts[d] > counts[best]) {
                best = d;
            }
        }
        return DELIMITERS[best];
    }

    static List<String> trimTrailing(List<String> cells) {
        int last = cells.size();
        while (last > 0 && cells.get(last - 1).isBlank()) {
            last--;
        }
        return last == cells.size() ? cells : new ArrayList<>(cells.subList(0, last));
    }
}
