package vn.doanvien.training;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An enrolment with the trainee's roll-call tally, assignment and completion status. */
@Schema(name = "EnrolmentResponse")
record EnrolmentResponse(
        @Schema(example = "5001") long id,
        @Schema(example = "77") long courseId,
        @Schema(example = "301") long officialId,
        @Schema(example = "Nguyễn Thị Hoa") String fullName,
        @Schema(example = "CHAIR") OfficialPost post,
        @Schema(example = "PART_TIME") Employment employment,
        @Schema(example = "51") Long unitId,
        @Schema(example = "1001") Long grassrootsUnionId,
        @Schema(description = "Sessions of the course", example = "5") int sessions,
        @Schema(description = "Sessions marked present", example = "4") int attendedSessions,
        @Schema(description = "attendedSessions / sessions, in percent, one decimal", example = "80.0")
        BigDecimal attendancePercent,
        @Schema(example = "true") boolean assignmentSubmitted,
        @Schema(description = "0.0 to 10.0, or null", example = "8.5") BigDecimal assignmentGrade,
        @Schema(description = "COMPLETED: the course's rule is met; IN_PROGRESS: not met yet and the course has not "
                + "ended; NOT_COMPLETED: ended, rule not met, attended at least once; NEVER_ATTENDED: ended and "
                + "attended no session (enrolled without attending)", example = "COMPLETED")
        CompletionStatus status,
        @Schema(example = "1") long version,
        OffsetDateTime createdAt) {

    static EnrolmentResponse of(TrainingEnrolment e, TrainingCourse c, Official o, int attended,
                                CompletionStatus status) {
        return new EnrolmentResponse(e.id, e.courseId, e.officialId, o.fullName, o.post, o.employment, o.unitId,
                o.grassrootsUnionId, c.sessions, attended, CompletionRule.percentOf(attended, c.sessions),
                e.assignmentSubmitted, e.assignmentGrade, status, e.version, e.createdAt);
    }
}
