package vn.doanvien.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into {@code application/problem+json}. Field names are the API's JSON names;
 * unexpected errors get a generic detail and their stack trace goes to the log only.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    static final int RETRY_AFTER_SECONDS = 2;

    @ServerExceptionMapper
    public Response mapApiProblem(ApiProblem e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response mapConstraintViolation(jakarta.validation.ConstraintViolationException e, UriInfo uri) {
        return validation(e, uri);
    }

    @ServerExceptionMapper
    public Response mapResteasyViolation(
            io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException e, UriInfo uri) {
        return validation(e, uri);
    }

    private Response validation(jakarta.validation.ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldName(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
        return respond(ApiProblem.invalid(errors).toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response mapUnrecognizedProperty(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return respond(ApiProblem.invalid(field, "unknown field").toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response mapInvalidFormat(InvalidFormatException e, UriInfo uri) {
        String field = jsonPath(e);
        String expected = e.getTargetType() == null ? "a valid value" : describe(e.getTargetType());
        return respond(ApiProblem.invalid(field, "cannot read value '" + safeValue(e.getValue())
                + "' as " + expected).toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response mapMismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e);
        if (field.isEmpty()) {
            return respond(ApiProblem.badRequest("The request body is missing or is not a JSON object of the expected shape")
                    .toProblem(path(uri)));
        }
        String expected = e.getTargetType() == null ? "the expected type" : describe(e.getTargetType());
        return respond(ApiProblem.invalid(field, "must be " + expected).toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response mapJsonMapping(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e);
        String message = rootMessage(e);
        if (field.isEmpty()) {
            return respond(ApiProblem.badRequest("Malformed request body: " + message).toProblem(path(uri)));
        }
        return respond(ApiProblem.invalid(field, message).toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response mapJsonParse(StreamReadException e, UriInfo uri) {
        return respond(ApiProblem.badRequest("Malformed JSON at line " + line(e) + ": "
                + e.getOriginalMessage()).toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response mapJsonProcessing(JsonProcessingException e, UriInfo uri) {
        return respond(ApiProblem.badRequest("Malformed JSON: " + e.getOriginalMessage()).toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response mapOptimisticLock(OptimisticLockException e, UriInfo uri) {
        return concurrentUpdate(uri);
    }

    @ServerExceptionMapper
    public Response mapStaleState(StaleStateException e, UriInfo uri) {
        return concurrentUpdate(uri);
    }

    @ServerExceptionMapper
    public Response mapDatabaseConstraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        // A unique or foreign-key constraint caught by the database, usually a race between two writers
        // that both passed the service's checks. The constraint name is ours, never user data.
        LOG.debugf("database constraint %s violated", e.getConstraintName());
        return respond(ApiProblem.conflict("The change conflicts with data written at the same time ("
                + e.getConstraintName() + "); read again and retry").toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response mapWebApplication(WebApplicationException e, UriInfo uri) {
        // The JSON reader wraps a parse error of the body in a 400; say what was wrong with it.
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof ApiProblem p) {
                // a parameter converter's refusal (StrictParams), which JAX-RS wraps in a 404
                return mapApiProblem(p, uri);
            }
            if (cause instanceof UnrecognizedPropertyException u) {
                return mapUnrecognizedProperty(u, uri);
            }
            if (cause instanceof InvalidFormatException f) {
                return mapInvalidFormat(f, uri);
            }
            if (cause instanceof MismatchedInputException m) {
                return mapMismatchedInput(m, uri);
            }
            if (cause instanceof JsonMappingException m) {
                return mapJsonMapping(m, uri);
            }
            if (cause instanceof StreamReadException r) {
                return mapJsonParse(r, uri);
            }
            if (cause instanceof JsonProcessingException p) {
                return mapJsonProcessing(p, uri);
            }
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
            return respond(internal(uri));
        }
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = status == 404 ? "No resource at this path"
                : family == Response.Status.Family.CLIENT_ERROR ? title : e.getMessage();
        Problem problem = new Problem(ApiProblem.typeUri(slug(title)), title, status, detail, path(uri), null, null);
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Throwable e, UriInfo uri) {
        if (databaseUnavailable(e)) {
            // The database went away (restart, failover, network): nothing is wrong with the request, and a
            // retry with the same Idempotency-Key either replays a write that did commit or runs it once.
            LOG.warnf("database unavailable: %s", e.toString());
            Problem problem = new Problem(ApiProblem.typeUri("database-unavailable"), "Service unavailable", 503,
                    "The database cannot be reached at the moment; retry shortly (writes with the same "
                            + "Idempotency-Key)", path(uri), null, null);
            return Response.status(503).type(Problem.MEDIA_TYPE).entity(problem)
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        if (timedOut(e)) {
            // A query over a scope too large for its time limit (statistics by gender or age at the top of the
            // tree): the request is valid but could not be answered in time; retrying it now will not help.
            LOG.warnf("query timed out: %s", e.toString());
            return respond(new Problem(ApiProblem.typeUri("query-timeout"), "Query took too long", 503,
                    "The database could not answer this request within its time limit; ask for a smaller unit "
                            + "or a shorter period", path(uri), null, null));
        }
        // Transactions commit after the method returns, so a rule or lock failure may arrive wrapped.
        for (Throwable cause = e.getCause(); cause != null && cause != e; cause = cause.getCause()) {
            if (cause instanceof ApiProblem p) {
                return mapApiProblem(p, uri);
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return concurrentUpdate(uri);
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException c) {
                return mapDatabaseConstraint(c, uri);
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        LOG.error("unexpected error", e);
        return respond(internal(uri));
    }

    /**
     * True when the failure is the database connection's, not the request's: a broken or refused connection
     * (SQLSTATE class 08), a server shutting down or starting up (57P01-57P03), or no pooled connection
     * before the acquisition timeout.
     */
    static boolean databaseUnavailable(Throwable e) {
        return anyCause(e, t -> {
            if (t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException s) {
                String state = s.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
                    return true;
                }
                // Agroal: no connection could be opened or freed in time
                return s.getMessage() != null && s.getMessage().startsWith("Sorry, acquisition timeout");
            }
            return false;
        });
    }

    /** True when a statement was cancelled for its time limit (SQLSTATE 57014 on PostgreSQL and H2). */
    static boolean timedOut(Throwable e) {
        return anyCause(e, t -> t instanceof jakarta.persistence.QueryTimeoutException
                || t instanceof org.hibernate.QueryTimeoutException
                || t instanceof java.sql.SQLException s && "57014".equals(s.getSQLState()));
    }

    /** True when {@code e} or one of its causes passes the test. */
    private static boolean anyCause(Throwable e, java.util.function.Predicate<Throwable> test) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }

    private static Problem internal(UriInfo uri) {
        return new Problem(ApiProblem.typeUri("internal"), "Internal error", 500,
                "The server could not complete the request; it has been logged", path(uri), null, null);
    }

    private static Response concurrentUpdate(UriInfo uri) {
        return respond(ApiProblem.conflict("The resource was changed by another request at the same time; "
                + "read it again and retry").toProblem(path(uri)));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /** {@code createUnit.request.items[2].name} becomes {@code items[2].name}; a query parameter keeps its name. */
    static String fieldName(Path path) {
        StringBuilder sb = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CROSS_PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null) {
                    sb.append('[').append(node.getIndex()).append(']');
                }
                continue;
            }
            if (node.getIndex() != null && sb.length() > 0) {
                sb.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(node.getName());
            }
        }
        if (sb.length() == 0) {
            return parameter == null ? "body" : parameter;
        }
        return sb.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object c : type.getEnumConstants()) {
                names.add(c.toString());
            }
            return "one of " + String.join(", ", names);
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            case "YearMonth" -> "a month (YYYY-MM)";
            case "Integer", "int", "Long", "long" -> "an integer";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "a string";
            default -> type.getSimpleName().toLowerCase();
        };
    }

    private static String safeValue(Object value) {
        String text = String.valueOf(value);
        text = text.replaceAll("\\p{Cntrl}", "?");
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t instanceof JsonProcessingException j ? j.getOriginalMessage() : t.getMessage();
        return m == null ? "invalid value" : m;
    }

    private static long line(StreamReadException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

}
