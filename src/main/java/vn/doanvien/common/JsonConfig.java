package vn.doanvien.common;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * JSON numbers as people read them: 15000000 rather than 1.5E7, and 0.5 rather than 5E-1, so analysts can
 * paste figures into spreadsheets.
 */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        SimpleModule plainNumbers = new SimpleModule("plain-numbers");
        plainNumbers.addSerializer(Double.class, new PlainDouble());
        plainNumbers.addSerializer(double.class, new PlainDouble());
        mapper.registerModule(plainNumbers);
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
