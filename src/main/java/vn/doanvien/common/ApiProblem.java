package vn.doanvien.common;

import java.net.URI;
import java.util.List;

/**
 * A domain error that becomes a problem+json response. Services throw it; resources never catch it.
 */
public class ApiProblem extends RuntimeException {

    private static final String BASE = "https://doanvien.vn/problems/";

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Long existingId;

    public ApiProblem(int status, String type, String title, String detail,
                      List<Problem.FieldError> errors, Long existingId) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.existingId = existingId;
    }

    /** 400: one field is invalid. */
    public static ApiProblem invalid(String field, String message) {
        return new ApiProblem(400, "validation", "Invalid request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)), null);
    }

    /** 400: several fields are invalid. */
    public static ApiProblem invalid(List<Problem.FieldError> errors) {
        StringBuilder detail = new StringBuilder();
        for (Problem.FieldError e : errors) {
            if (detail.length() > 0) {
                detail.append("; ");
            }
            detail.append(e.field()).append(": ").append(e.message());
        }
        return new ApiProblem(400, "validation", "Invalid request", detail.toString(), errors, null);
    }

    /** 400 for a request that is well-formed but makes no sense, without a single field to blame. */
    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "bad-request", "Bad request", detail, null, null);
    }

    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(404, "not-found", "Not found", what + " " + id + " does not exist", null, null);
    }

    /** 409: the request conflicts with the current state (a rule of the domain). */
    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "conflict", "Conflict", detail, null, null);
    }

    /** 409: the request would duplicate an existing resource; {@code existingId} points to it. */
    public static ApiProblem duplicate(String field, String detail, Long existingId) {
        return new ApiProblem(409, "duplicate", "Duplicate", detail,
                List.of(new Problem.FieldError(field, "already used")), existingId);
    }

    public static ApiProblem preconditionFailed(String detail) {
        return new ApiProblem(412, "precondition-failed", "Precondition failed", detail, null, null);
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance) {
        return new Problem(URI.create(BASE + type), title, status, getMessage(), instance,
                errors.isEmpty() ? null : errors, existingId);
    }

    static URI typeUri(String type) {
        return URI.create(BASE + type);
    }
}
