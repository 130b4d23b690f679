package vn.doanvien.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No native query of the app is given a result class other than {@code Object[]}: given a scalar one
 * ({@code Long.class}), Hibernate 7.3 takes the query for a new one at every call and keeps a plan for each, and every
 * later look-up compares against all of them (docs/architecture.md; {@code QueryPlansTest} shows it on the requests).
 * A query of one number column goes through {@code SqlValues.longs}. The class argument is a constant in the source,
 * which ArchUnit's view of the bytecode does not give, so this reads the sources.
 */
class NativeQueryResultTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern CALL = Pattern.compile("createNativeQuery\\(");
    private static final Pattern RESULT_CLASS = Pattern.compile(",\\s*([\\w.\\[\\]]+)\\.class\\s*$");

    @Test
    void nativeQueriesTakeNoScalarResultClass() throws IOException {
        List<String> found = new ArrayList<>();
        int calls = 0;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher m = CALL.matcher(source);
                while (m.find()) {
                    calls++;
                    String resultClass = resultClassOf(arguments(source, m.end()));
                    if (resultClass != null && !resultClass.equals("Object[]")) {
                        found.add(SOURCES.relativize(file) + ":" + lineOf(source, m.start()) + " " + resultClass);
                    }
                }
            }
        }
        assertTrue(calls > 20, "the sources were not found where expected: " + calls + " native queries");
        assertEquals(List.of(), found, "native queries given a scalar result class (use SqlValues.longs)");
    }

    /** The text between the call's parentheses (the SQL's own parentheses are balanced). */
    static String arguments(String source, int from) {
        int depth = 1;
        int i = from;
        while (depth > 0) {
            char c = source.charAt(i++);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
        }
        return source.substring(from, i - 1);
    }

    static String resultClassOf(String arguments) {
        Matcher m = RESULT_CLASS.matcher(arguments);
        return m.find() ? m.group(1) : null;
    }

    private static int lineOf(String source, int offset) {
        return (int) source.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void theCheckSeesAResultClass() {
        String call = "createNativeQuery(\"\"\"\n select count(*) from t where (a = 1)\n \"\"\", Long.class)";
        assertEquals("Long", resultClassOf(arguments(call, "createNativeQuery(".length())));
        assertEquals("Object[]", resultClassOf(arguments("createNativeQuery(sql, Object[].class)", 18)));
        assertEquals(null, resultClassOf(arguments("createNativeQuery(\"select 1\").getResultList()", 18)));
    }
}
