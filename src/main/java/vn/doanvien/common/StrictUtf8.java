package vn.doanvien.common;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * JSON bodies must be well-formed UTF-8. Jackson decodes leniently (an overlong {@code C0 AF} becomes {@code /}),
 * so a body is checked with the JDK's strict decoder before Jackson reads it, and anything malformed (overlong
 * forms, surrogates, truncated sequences) is a 400. JSON bodies are small (the request limit), so the check
 * reads the body once into memory, up to the JSON limit ({@link BodyLimit}), past which it is a 413 (a body sent
 * in chunks has no Content-Length to refuse it earlier); file uploads are not JSON and are not read here.
 */
@Provider
public class StrictUtf8 implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && isJson(type)) {
            // a body sent without Content-Length (chunked) is counted here: JSON keeps its small limit
            long limit = BodyLimit.jsonLimit();
            byte[] body = context.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                throw new ApiProblem(413, "payload-too-large", "Payload too large",
                        "The request body is larger than " + limit + " bytes", null, null);
            }
            try {
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(body));
            } catch (CharacterCodingException e) {
                throw ApiProblem.badRequest("The request body is not valid UTF-8");
            }
            InputStream again = new ByteArrayInputStream(body);
            context.setInputStream(again);
        }
        return context.proceed();
    }

    /** application/json and any +json type, in any letter case. */
    static boolean isJson(MediaType type) {
        String subtype = type.getSubtype() == null ? "" : type.getSubtype().toLowerCase(java.util.Locale.ROOT);
        return "application".equalsIgnoreCase(type.getType()) && (subtype.equals("json") || subtype.endsWith("+json"));
    }
}
