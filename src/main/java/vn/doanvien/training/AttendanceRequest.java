package vn.doanvien.training;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of PUT /api/v1/training-courses/{id}/sessions/{n}/attendance: the whole roll-call of one session. */
@Schema(name = "AttendanceRequest", description = "The roll-call of one session, replacing any earlier one. Each "
        + "mark names the trainee by officialId or by enrolmentId (one of them); trainees left out of the list have "
        + "no mark for the session and count as not attending it. An empty list clears the session.")
record AttendanceRequest(
        @NotNull @Size(max = 10000) List<@Valid @NotNull Mark> attendance) {

    /** One trainee's mark at the session. */
    @Schema(name = "AttendanceMark")
    record Mark(
            @Schema(description = "The enrolled official; or give enrolmentId", example = "3") Long officialId,
            @Schema(description = "The enrolment; or give officialId", example = "1") Long enrolmentId,
            @NotNull @Schema(example = "true") Boolean present) {
    }
}
