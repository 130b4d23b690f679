package vn.doanvien.common;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * How the framework reads {@code long} and {@code int} path, query and header parameters: ASCII digits only,
 * without a sign, spaces or leading zeros ({@link Params#id}, {@link Params#integer}). Java's own parsing takes
 * {@code +2650}, {@code 02650} and Arabic-Indic digits as 2650; every reader of the request must see one and the
 * same number, so anything else is a 400 naming the parameter (the mapper unwraps it from the 404 JAX-RS makes
 * of a failed conversion).
 */
@Provider
public class StrictParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (rawType == long.class || rawType == Long.class) {
            return (ParamConverter<T>) new Converter<>(value -> Params.requiredId(name, value));
        }
        if (rawType == int.class || rawType == Integer.class) {
            return (ParamConverter<T>) new Converter<>(value -> Params.requiredInteger(name, value));
        }
        return null;
    }

    private static String nameOf(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof PathParam p) {
                return p.value();
            }
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof HeaderParam h) {
                return h.value();
            }
        }
        return "parameter";
    }

    private record Converter<N extends Number>(java.util.function.Function<String, N> parse) implements ParamConverter<N> {
        @Override
        public N fromString(String value) {
            return parse.apply(value);
        }

        @Override
        public String toString(N value) {
            return String.valueOf(value);
        }
    }
}
