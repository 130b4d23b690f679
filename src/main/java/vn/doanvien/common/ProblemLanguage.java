package vn.doanvien.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
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
    private static final Properties TEXTS = Languages.texts(RESOURCE);
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
        return Languages.preferred(headers).filter("vi"::equals).isPresent();
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
}
