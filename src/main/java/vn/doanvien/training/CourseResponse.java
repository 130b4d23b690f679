package vn.doanvien.training;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A training course as the API shows it. */
@Schema(name = "CourseResponse")
record CourseResponse(
        @Schema(example = "77") long id,
        @Schema(example = "12") long organisingUnitId,
        @Schema(example = "Tập huấn nghiệp vụ cho chủ tịch công đoàn cơ sở khu vực ngoài nhà nước") String title,
        TrainingTopic topic,
        TrainingAudience audience,
        @Schema(example = "2024-05-14") LocalDate startsOn,
        @Schema(example = "2024-05-16") LocalDate endsOn,
        boolean online,
        @Schema(example = "Hội trường LĐLĐ tỉnh Yên Bái") String place,
        @Schema(example = "120") int capacity,
        @Schema(example = "6") int sessions,
        @Schema(example = "80") int minAttendancePercent,
        @Schema(example = "true") boolean assignmentRequired,
        @Schema(description = "Officials enrolled", example = "97") long enrolled,
        @Schema(description = "capacity - enrolled", example = "23") long placesLeft,
        @Schema(example = "0") long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static CourseResponse of(TrainingCourse c, long enrolled) {
        return new CourseResponse(c.id, c.organisingUnitId, c.title, c.topic, c.audience, c.startsOn, c.endsOn,
                c.online, c.place, c.capacity, c.sessions, c.minAttendancePercent, c.assignmentRequired, enrolled,
                Math.max(0, c.capacity - enrolled), c.version, c.createdAt, c.updatedAt);
    }
}
