package vn.doanvien.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details body, the only shape of error this API returns
 * (media type {@code application/problem+json}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "URI identifying the problem type", example = "https://doanvien.vn/problems/validation")
        URI type,
        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "taxCode: must be 10 digits, or 10 digits, '-' and 3 digits for a branch") String detail,
        @Schema(example = "/api/v1/enterprises") String instance,
        @Schema(description = "Offending fields, named as the API names them") List<FieldError> errors,
        @Schema(description = "For conflicts: the id of the existing resource the request collides with")
        Long existingId) {

    /** One offending field. */
    @Schema(name = "FieldError")
    public record FieldError(@Schema(example = "taxCode") String field,
                             @Schema(example = "must be 10 digits") String message) {
    }

    public static final String MEDIA_TYPE = "application/problem+json";
}
