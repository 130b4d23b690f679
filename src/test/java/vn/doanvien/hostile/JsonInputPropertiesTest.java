package vn.doanvien.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import vn.doanvien.common.JsonConfig;

/**
 * Properties of the JSON reading rules in {@link JsonConfig}, checked with random input (jqwik): any text is read
 * back exactly or refused, never changed; dates are read only in their one format.
 */
class JsonInputPropertiesTest {

    record Named(String name) {
    }

    record Dated(LocalDate on) {
    }

    private static final ObjectMapper MAPPER = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper().findAndRegisterModules();
        new JsonConfig().customize(m);
        return m;
    }

    @Property(tries = 500)
    void textIsReadVerbatimOrRefusedWhenItHasControlCharacters(@ForAll("anyText") String text) throws Exception {
        String json = new ObjectMapper().writeValueAsString(new Named(text));
        String problem = JsonConfig.textProblem(text);
        try {
            Named read = MAPPER.readValue(json, Named.class);
            assertNull(problem, "accepted text must be clean");
            assertEquals(text, read.name());
        } catch (JsonProcessingException e) {
            assertNotNull(problem, "refused text must have a control character or an unpaired surrogate: "
                    + e.getOriginalMessage());
        }
    }

    @Property(tries = 300)
    void textWithoutControlCharactersIsAlwaysAccepted(@ForAll("cleanText") String text) throws Exception {
        String json = new ObjectMapper().writeValueAsString(new Named(text));
        assertEquals(text, MAPPER.readValue(json, Named.class).name());
    }

    @Property(tries = 300)
    void datesAreReadOnlyAsValidYyyyMmDd(@ForAll("dateLike") String text) {
        boolean valid;
        try {
            LocalDate d = LocalDate.parse(text);
            valid = text.matches("\\d{4}-\\d{2}-\\d{2}") && d.getYear() >= 1;
        } catch (RuntimeException e) {
            valid = false;
        }
        try {
            Dated read = MAPPER.readValue("{\"on\":\"" + text + "\"}", Dated.class);
            assertTrue(valid, text + " was accepted");
            assertEquals(text, read.on().toString());
        } catch (JsonProcessingException e) {
            assertFalse(valid, text + " was refused");
        }
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(20),
                Arbitraries.strings().withChars("\u0000\u0007\u001b\u007f\u0085\ud800\udc00\u200b\ufeff\u202e"
                        + "aăâđêôơư ́̃").ofMaxLength(12),
                Arbitraries.of("Nguyễn Văn An", "Robert'); DROP TABLE member;--", "<script>alert(1)</script>",
                        "😀👩‍👩‍👧", "\ud83d", "a\u0000b", "ｆｕｌｌ", "e\u0301", "\u202eevil", "%_\\"));
    }

    @Provide
    Arbitrary<String> cleanText() {
        return Arbitraries.strings().all().ofMaxLength(40).filter(s -> JsonConfig.textProblem(s) == null);
    }

    @Provide
    Arbitrary<String> dateLike() {
        Arbitrary<Integer> year = Arbitraries.integers().between(-10, 100_000);
        Arbitrary<Integer> month = Arbitraries.integers().between(-1, 14);
        Arbitrary<Integer> day = Arbitraries.integers().between(-1, 33);
        Arbitrary<String> formatted = net.jqwik.api.Combinators.combine(year, month, day)
                .as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
        return Arbitraries.oneOf(formatted, Arbitraries.strings().withChars("0123456789-+T:/ ").ofMaxLength(12));
    }
}
