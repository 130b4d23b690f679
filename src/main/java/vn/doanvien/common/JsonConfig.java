package vn.doanvien.common;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * How the API reads and writes JSON.
 *
 * <p>Writing: numbers as people read them, 15000000 rather than 1.5E7 and 0.5 rather than 5E-1, so analysts can
 * paste figures into spreadsheets.
 *
 * <p>Reading: strictly as the OpenAPI document says, so that a body the document calls invalid is a 400 rather
 * than a guess. No coercion between types ({@code "300"} is not an integer, {@code 1.5} is not an integer,
 * {@code 123} is not a string, {@code 0} is not an enum constant), no duplicate keys, nothing after the body;
 * dates are exactly {@code YYYY-MM-DD} with a year from 0001 and months {@code YYYY-MM}; text never contains
 * control characters (other than tab, line feed and carriage return) or unpaired surrogates, which a database
 * either refuses (PostgreSQL has no NUL in text) or silently changes.
 */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

    /**
     * Last of all customizers: Quarkus registers its modules (JavaTimeModule among them) from a customizer with
     * {@link #QUARKUS_CUSTOMIZER_PRIORITY}, and Jackson lets the module registered last win for a type, so at the
     * default priority JavaTimeModule's lenient LocalDate reader (which takes {@code 2020-01-01T00:00:00}) replaced
     * {@link StrictDate}.
     */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        SimpleModule plainNumbers = new SimpleModule("plain-numbers");
        plainNumbers.addSerializer(Double.class, new PlainDouble());
        plainNumbers.addSerializer(double.class, new PlainDouble());
        mapper.registerModule(plainNumbers);

        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.DateTime).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);

        SimpleModule strictInput = new SimpleModule("strict-input");
        strictInput.addDeserializer(String.class, new CleanString());
        strictInput.addDeserializer(LocalDate.class, new StrictDate());
        strictInput.addDeserializer(YearMonth.class, new StrictMonth());
        mapper.registerModule(strictInput);
    }

    /** Why a text is refused, or null when it is acceptable: no control characters, no unpaired surrogates. */
    public static String textProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F) {
                return "must not contain control characters (found U+" + String.format("%04X", (int) c) + ")";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain unpaired surrogates";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain unpaired surrogates";
            }
        }
        return null;
    }

    /** Strings without control characters or unpaired surrogates; other tokens are refused, not coerced. */
    static final class CleanString extends StdScalarDeserializer<String> {
        CleanString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText();
            String problem = textProblem(text);
            if (problem != null) {
                throw JsonMappingException.from(p, problem);
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    /** {@code YYYY-MM-DD} exactly, between {@link Params#EARLIEST} and {@link Params#LATEST}. */
    static final class StrictDate extends StdScalarDeserializer<LocalDate> {
        private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

        StrictDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getText();
            if (FORMAT.matcher(text).matches() && !text.startsWith("0000")) {
                LocalDate date;
                try {
                    date = LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    date = null;
                }
                if (date != null && Params.plausible(date)) {
                    return date;
                }
                if (date != null) {
                    return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text,
                            "not a date between " + Params.EARLIEST + " and " + Params.LATEST);
                }
            }
            return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, "not a date YYYY-MM-DD");
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }

    /** {@code YYYY-MM} exactly, year 0001 to 9999. */
    static final class StrictMonth extends StdScalarDeserializer<YearMonth> {
        private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{2}");

        StrictMonth() {
            super(YearMonth.class);
        }

        @Override
        public YearMonth deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (YearMonth) ctxt.handleUnexpectedToken(YearMonth.class, p);
            }
            String text = p.getText();
            if (FORMAT.matcher(text).matches() && !text.startsWith("0000")) {
                try {
                    YearMonth month = YearMonth.parse(text);
                    if (Params.plausible(month.atDay(1))) {
                        return month;
                    }
                    return (YearMonth) ctxt.handleWeirdStringValue(YearMonth.class, text,
                            "not a month between " + YearMonth.from(Params.EARLIEST) + " and "
                                    + YearMonth.from(Params.LATEST));
                } catch (DateTimeParseException e) {
                    // reported below
                }
            }
            return (YearMonth) ctxt.handleWeirdStringValue(YearMonth.class, text, "not a month YYYY-MM");
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }

    /** Writes finite doubles in plain notation. */
    static final class PlainDouble extends StdSerializer<Double> {
        PlainDouble() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value.isNaN() || value.isInfinite()) {
                gen.writeNull();
            } else {
                String plain = BigDecimal.valueOf(value).toPlainString();
                // Keep a decimal point so that a double field always reads as a decimal number.
                gen.writeNumber(plain.contains(".") ? plain : plain + ".0");
            }
        }
    }
}
