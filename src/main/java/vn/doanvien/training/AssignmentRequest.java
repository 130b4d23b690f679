package vn.doanvien.training;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of PUT /api/v1/training-courses/{id}/enrolments/{enrolmentId}/assignment. */
@Schema(name = "AssignmentRequest", description = "The written assignment (bài thu hoạch). grade is on the Vietnamese "
        + "0-10 scale with at most one decimal, and only with submitted=true.")
record AssignmentRequest(
        @NotNull @Schema(example = "true") Boolean submitted,
        @DecimalMin("0.0") @DecimalMax("10.0") @Digits(integer = 2, fraction = 1)
        @Schema(description = "0.0 to 10.0, one decimal at most; optional", example = "8.5")
        BigDecimal grade) {
}
