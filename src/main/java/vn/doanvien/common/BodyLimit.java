package vn.doanvien.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers an oversized request body with a 413 problem before it is read. File uploads (POST /api/v1/imports)
 * may be as large as {@code doanvien.import.max-file-size} (50 MB by default; Vert.x's own limit,
 * {@code quarkus.http.limits.max-body-size}, is set to it); every other body, JSON, keeps
 * {@code doanvien.http.max-json-size} (2 MB). A body sent without Content-Length (chunked) is counted as it is
 * read: by {@link StrictUtf8} for JSON, by the import for a file.
 */
@ApplicationScoped
public class BodyLimit {

    static final String IMPORTS = "/api/v1/imports";

    private final long jsonBytes;
    private final long fileBytes;

    BodyLimit(@ConfigProperty(name = "doanvien.http.max-json-size", defaultValue = "2M") MemorySize json,
              @ConfigProperty(name = "doanvien.import.max-file-size", defaultValue = "50M") MemorySize file) {
        this.jsonBytes = json.asLongValue();
        this.fileBytes = file.asLongValue();
    }

    /** The limit of JSON bodies, in bytes. */
    static long jsonLimit() {
        return ConfigProvider.getConfig().getOptionalValue("doanvien.http.max-json-size", MemorySize.class)
                .map(MemorySize::asLongValue).orElse(2L * 1024 * 1024);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            long max = ctx.request().path().equals(IMPORTS) ? fileBytes : jsonBytes;
            if (length != null && tooLarge(length, max)) {
                JsonObject problem = new JsonObject()
                        .put("type", "https://doanvien.vn/problems/payload-too-large")
                        .put("title", "Payload too large")
                        .put("status", 413)
                        .put("detail", "The request body is larger than " + max + " bytes")
                        .put("instance", ctx.request().path());
                ctx.response().setStatusCode(413)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .end(problem.encode());
                return;
            }
            ctx.next();
        });
    }

    private static boolean tooLarge(String length, long max) {
        try {
            return Long.parseLong(length.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
