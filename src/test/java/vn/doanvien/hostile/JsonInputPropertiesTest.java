package vn.doanvien.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.doanvien.common.JsonConfig;

/**
 * Properties of the JSON reading rules in {@link JsonConfig}, checked with random input from a seeded
 * {@link Random} (seed = base + repetition, printed in every message): any text is read back exactly or refused,
 * never changed; dates are read only in their one format.
 */
class JsonInputPropertiesTest {

    private static final long SEED = 20261202L;

    record Named(String name) {
    }

    record Dated(LocalDate on) {
    }

    private static final ObjectMapper MAPPER = mapper();
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper().findAndRegisterModules();
        new JsonConfig().customize(m);
        return m;
    }

    private static Random random(long base, RepetitionInfo info) {
        return new Random(base + info.getCurrentRepetition());
    }

    private static String seed(long base, RepetitionInfo info) {
        return " [seed " + (base + info.getCurrentRepetition()) + "]";
    }

    @RepeatedTest(200)
    void textIsReadVerbatimOrRefusedWhenItHasControlCharacters(RepetitionInfo info) throws Exception {
        String text = RandomText.any(random(SEED, info), 0);
        String shown = RandomText.escape(text) + seed(SEED, info);
        String json = PLAIN.writeValueAsString(new Named(text));
        String problem = JsonConfig.textProblem(text);
        try {
            Named read = MAPPER.readValue(json, Named.class);
            assertNull(problem, "accepted text must be clean: " + shown);
            assertEquals(text, read.name(), shown);
        } catch (JsonProcessingException e) {
            assertNotNull(problem, "refused text must have a control character or an unpaired surrogate: "
                    + shown + " " + e.getOriginalMessage());
        }
    }

    @RepeatedTest(100)
    void textWithoutControlCharactersIsAlwaysAccepted(RepetitionInfo info) throws Exception {
        Random random = random(SEED + 1_000_000, info);
        String text = clean(RandomText.anyChars(random, 0, 40));
        assertNull(JsonConfig.textProblem(text), RandomText.escape(text));
        String json = PLAIN.writeValueAsString(new Named(text));
        assertEquals(text, MAPPER.readValue(json, Named.class).name(),
                RandomText.escape(text) + seed(SEED + 1_000_000, info));
    }

    /** Drops control characters and unpaired surrogates, keeping the rest. */
    private static String clean(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                sb.append(c).append(text.charAt(++i));
            } else if (!Character.isSurrogate(c) && JsonConfig.textProblem(String.valueOf(c)) == null) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @RepeatedTest(100)
    void datesAreReadOnlyAsValidYyyyMmDd(RepetitionInfo info) {
        String text = RandomText.dateLike(random(SEED + 2_000_000, info));
        assertDateRule(text, seed(SEED + 2_000_000, info));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-01-01T00:00:00", "2020-01-01T00:00:00Z", "2020-01-01 ", " 2020-01-01", "20200101",
            "2020-1-1", "+2020-01-01", "0000-01-01", "0001-01-01", "1899-12-31", "2200-01-01", "2020-02-30", "99999-01-01", "2020-01", "01/01/2020", ""})
    void otherDateFormsAreRefused(String text) {
        assertDateRule(text, "");
    }

    private static void assertDateRule(String text, String seed) {
        boolean valid;
        try {
            LocalDate d = LocalDate.parse(text);
            // plausible dates only: a union registry holds nothing before 1900 (VGCL was founded in 1929)
            valid = text.matches("\\d{4}-\\d{2}-\\d{2}") && d.getYear() >= 1900 && d.getYear() <= 2199;
        } catch (RuntimeException e) {
            valid = false;
        }
        try {
            Dated read = MAPPER.readValue("{\"on\":\"" + text + "\"}", Dated.class);
            assertTrue(valid, "\"" + text + "\" was accepted" + seed);
            assertEquals(text, read.on().toString(), seed);
        } catch (JsonProcessingException e) {
            assertFalse(valid, "\"" + text + "\" was refused" + seed);
        }
    }
}
