package vn.doanvien.training;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The roll-call of one session: every enrolled trainee with their mark, or null where none was recorded. */
@Schema(name = "SessionAttendanceResponse")
record SessionAttendanceResponse(
        @Schema(example = "77") long courseId,
        @Schema(example = "2") int session,
        @Schema(description = "Whether a roll-call has been recorded for this session") boolean recorded,
        @Schema(description = "Trainees marked present", example = "95") int present,
        @Schema(description = "Trainees marked absent", example = "2") int absent,
        @Schema(description = "Enrolled trainees with no mark", example = "0") int unmarked,
        List<Entry> attendance) {

    /** One enrolled trainee at the session. */
    @Schema(name = "SessionAttendanceEntry")
    record Entry(
            @Schema(example = "5001") long enrolmentId,
            @Schema(example = "301") long officialId,
            @Schema(example = "Nguyễn Thị Hoa") String fullName,
            @Schema(description = "true present, false absent, null not marked") Boolean present) {
    }
}
