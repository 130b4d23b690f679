package vn.doanvien.training;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of POST and PUT /api/v1/training-courses (PUT replaces every field). */
@Schema(name = "CourseRequest", description = "A training course organised by a unit. Dates may lie in the future "
        + "(planned courses). The completion rule is stored with the course: a trainee completes it by attending at "
        + "least minAttendancePercent of the sessions and, when assignmentRequired, submitting the written "
        + "assignment (bài thu hoạch).")
record CourseRequest(
        @NotNull @Schema(description = "The unit (levels 1-3) running the course", example = "75")
        Long organisingUnitId,
        @NotBlank @Size(max = 255)
        @Schema(example = "Tập huấn nghiệp vụ cho chủ tịch công đoàn cơ sở khu vực ngoài nhà nước")
        String title,
        @NotNull @Schema(example = "UNION_LAW_AND_ORGANISATION") TrainingTopic topic,
        @Schema(description = "Whom the course is meant for; informative, default ALL_OFFICIALS",
                example = "GRASSROOTS_CHAIRS")
        TrainingAudience audience,
        @NotNull @Schema(description = "First day; decides the course's year in reports", example = "2024-05-14")
        LocalDate startsOn,
        @NotNull @Schema(description = "Last day (inclusive), not before startsOn", example = "2024-05-16")
        LocalDate endsOn,
        @Schema(description = "Held online; default false") Boolean online,
        @Size(max = 500) @Schema(description = "Required unless online", example = "Hội trường LĐLĐ tỉnh Yên Bái")
        String place,
        @NotNull @Min(1) @Max(10000) @Schema(description = "Maximum number of enrolments", example = "120")
        Integer capacity,
        @NotNull @Min(1) @Max(500) @Schema(description = "Number of sessions, numbered 1..sessions for roll-call",
                example = "6")
        Integer sessions,
        @Min(0) @Max(100) @Schema(description = "Share of sessions to attend to complete, default 80", example = "80")
        Integer minAttendancePercent,
        @Schema(description = "Whether the written assignment is needed to complete, default true", example = "true")
        Boolean assignmentRequired) {
}
