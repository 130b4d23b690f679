package vn.doanvien.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Problems in Vietnamese for the officers who read it: when a request's Accept-Language prefers {@code vi}, a
 * problem's title, detail and field messages are written in Vietnamese ({@code labels/problems_vi.properties}):
 * titles by status, messages by a table of phrases matched against the whole message. Field names stay as the API
 * names them; a message the table does not know stays in English. Without Accept-Language, or preferring English,
 * problems are as the code writes them.
 */
public class ProblemLanguage {

    private static final String RESOURCE = "labels/problems_vi.properties";
    private static final Properties TEXTS = load();
    private static final List<Phrase> PHRASES = phrases();

    private record Phrase(Pattern english, String vietnamese) {
    }

    @ServerResponseFilter
    public void translate(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem p && prefersVietnamese(request.getHeaders().get(
                HttpHeaders.ACCEPT_LANGUAGE))) {
            response.setEntity(vietnamese(p));
            response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, "vi");
        }
    }

    /** True when the first of Accept-Language's languages that is Vietnamese or English is Vietnamese. */
    static boolean prefersVietnamese(List<String> headers) {
        if (headers == null) {
            return false;
        }
        List<String[]> ranges = new ArrayList<>();
        for (String header : headers) {
            for (String part : header.split(",")) {
                String[] tagAndParams = part.trim().split(";");
                double q = 1;
                for (int i = 1; i < tagAndParams.length; i++) {
                    String param = tagAndParams[i].trim();
                    if (param.startsWith("q=")) {
                        try {
                            q = Double.parseDouble(param.substring(2));
                        } catch (NumberFormatException e) {
                            q = 0;
                        }
                    }
                }
                ranges.add(new String[] {tagAndParams[0].trim().toLowerCase(Locale.ROOT), Double.toString(q)});
            }
        }
        ranges.sort((a, b) -> Double.compare(Double.parseDouble(b[1]), Double.parseDouble(a[1])));
        for (String[] r : ranges) {
            if (Double.parseDouble(r[1]) <= 0) {
                continue;
            }
            if (r[0].equals("vi") || r[0].startsWith("vi-")) {
                return true;
            }
            if (r[0].equals("en") || r[0].startsWith("en-")) {
                return false;
            }
        }
        return false;
    }

    static Problem vietnamese(Problem p) {
        List<Problem.FieldError> errors = p.errors() == null ? null : p.errors().stream()
                .map(e -> new Problem.FieldError(e.field(), message(e.message()))).toList();
        String title = TEXTS.getProperty("title." + p.status(), p.title());
        return new Problem(p.type(), title, p.status(), detail(p.detail()), p.instance(), errors, p.existingId());
    }

    /** A detail is often "field: message; field: message". */
    private static String detail(String detail) {
        if (detail == null) {
            return null;
        }
        String whole = message(detail);
        if (!whole.equals(detail)) {
            return whole;
        }
        List<String> parts = new ArrayList<>();
        for (String part : detail.split("; ")) {
            int colon = part.indexOf(": ");
            parts.add(colon > 0 && !part.substring(0, colon).contains(" ")
                    ? part.substring(0, colon) + ": " + message(part.substring(colon + 2)) : message(part));
        }
        return String.join("; ", parts);
    }

    static String message(String english) {
        if (english == null) {
            return null;
        }
        for (Phrase phrase : PHRASES) {
            Matcher m = phrase.english().matcher(english);
            if (m.matches()) {
                return m.replaceFirst(phrase.vietnamese());
            }
        }
        return english;
    }

    private static List<Phrase> phrases() {
        List<Phrase> result = new ArrayList<>();
        for (int i = 1; TEXTS.containsKey("phrase." + i + ".en"); i++) {
            result.add(new Phrase(Pattern.compile(TEXTS.getProperty("phrase." + i + ".en")),
                    TEXTS.getProperty("phrase." + i + ".vi")));
        }
        return List.copyOf(result);
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = ProblemLanguage.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
