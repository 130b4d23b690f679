package vn.doanvien.training;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of POST /api/v1/training-courses/{id}/enrolments. */
@Schema(name = "EnrolmentRequest")
record EnrolmentRequest(@NotNull @Schema(description = "The official to enrol", example = "4") Long officialId) {
}
