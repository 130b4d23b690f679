package vn.doanvien.common;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers an oversized request body with a 413 problem before it is read. Vert.x enforces
 * {@code quarkus.http.limits.max-body-size} too, but with an empty body; this gives clients the usual problem.
 */
@ApplicationScoped
public class BodyLimit {

    private final long maxBytes;

    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") io.quarkus.runtime.configuration.MemorySize max) {
        this.maxBytes = max.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && tooLarge(length)) {
                JsonObject problem = new JsonObject()
                        .put("type", "https://doanvien.vn/problems/payload-too-large")
                        .put("title", "Payload too large")
                        .put("status", 413)
                        .put("detail", "The request body is larger than " + maxBytes + " bytes")
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

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
