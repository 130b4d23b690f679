package vn.doanvien.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A unit's training year, shaped like the paragraph a provincial federation writes in its annual report. */
@Schema(name = "TrainingReport", description = "Definitions. A course belongs to the year of its startsOn. The "
        + "subtree is the unit and every unit below it in the tree as it stood on treeAsOf (31 December of the year, or "
        + "today for the current year), plus the units dissolved during the year that were below it on their last "
        + "day (such as the district federations abolished on 2025-07-01). A course is organised here when its organising unit is in the subtree, "
        + "elsewhere otherwise. enrolled counts enrolments; a trainee-attendance (lượt học viên) is an enrolment with at "
        + "least one session attended, so one official on two courses counts twice; neverAttended counts enrolments "
        + "with no session attended (so far, for a course still running); completed counts enrolments meeting the "
        + "course's completion rule. The officials counted are those whose term overlaps the year and who serve a "
        + "unit of the subtree or a grassroots union placed under one on treeAsOf, or on its last day for a grassroots "
        + "union dissolved during the year (grassroots officials are the latter; grassroots chairs those of them "
        + "holding CHAIR). Officials are counted as persons: records linked "
        + "to the same member count once. An official is trained when they completed at least one course of the "
        + "year, organised anywhere.")
record TrainingReport(
        @Schema(example = "12") long unitId,
        @Schema(example = "Liên đoàn Lao động tỉnh Yên Bái") String unitName,
        @Schema(example = "2024") int year,
        @Schema(description = "The date the subtree was read on", example = "2024-12-31") LocalDate treeAsOf,
        Organised organised,
        @Schema(description = "FULL_TIME officials of the subtree (Yên Bái: 100% of full-time officials trained)")
        OfficialGroup fullTimeOfficials,
        @Schema(description = "Officials of the subtree at courses organised outside it (Yên Bái: 2,832 attendances "
                + "at courses run by others, 316 of them by full-time officials)")
        Elsewhere attendancesElsewhere,
        @Schema(description = "Officials of grassroots unions placed in the subtree (Yên Bái: 2,516 grassroots "
                + "officials trained = traineesAtOwnCourses)")
        OfficialGroup grassrootsOfficials,
        @Schema(description = "Grassroots officials holding CHAIR")
        OfficialGroup grassrootsChairs,
        @Schema(description = "Enrolments with no session attended, at courses organised here or by officials of the "
                + "subtree elsewhere; at most 200, by course then official")
        List<NeverAttended> enrolledButNeverAttended,
        @Schema(description = "The figures as one sentence, for annual reports",
                example = "2024, Liên đoàn Lao động tỉnh Yên Bái: 21 courses with 2596 trainee-attendances (2610 "
                        + "enrolled, 14 never attended); 8 courses / 691 trainee-attendances run by the unit itself and "
                        + "13 / 1905 by subordinate units; 100.0% of full-time officials trained (48 of 48); 2832 "
                        + "trainee-attendances at courses run by others, 316 of them by full-time officials; 2516 "
                        + "trainee-attendances by grassroots officials at the unit's courses; 1890 grassroots officials "
                        + "trained, 410 of them chairs.")
        String paragraph) {

    /** Courses organised by the unit and its subordinate units. */
    @Schema(name = "TrainingReportOrganised")
    record Organised(
            @Schema(description = "Every course organised in the subtree (Yên Bái: 21 courses, 2,596)") Counts total,
            @Schema(description = "Organised by the unit itself (Yên Bái: the provincial federation, 8 / 691)")
            Counts byUnitItself,
            @Schema(description = "Organised by the units below it (Yên Bái: upper-level unions, 13 / 1,905)")
            Counts bySubordinateUnits,
            @Schema(description = "bySubordinateUnits per organising unit, by name")
            List<UnitCounts> bySubordinateUnit) {
    }

    /** Courses and what became of their enrolments. */
    @Schema(name = "TrainingReportCounts")
    record Counts(
            @Schema(example = "8") long courses,
            @Schema(description = "Enrolments", example = "700") long enrolled,
            @Schema(description = "Trainee-attendances: enrolments with at least one session attended", example = "691")
            long trainees,
            @Schema(description = "Enrolments meeting the course's completion rule", example = "680") long completed,
            @Schema(description = "Enrolments with no session attended", example = "9") long neverAttended) {
    }

    /** One subordinate organising unit's courses. */
    @Schema(name = "TrainingReportUnitCounts")
    record UnitCounts(
            @Schema(example = "51") long unitId,
            @Schema(example = "CĐ-KCN-YB") String code,
            @Schema(example = "Công đoàn các Khu công nghiệp tỉnh Yên Bái") String name,
            long courses, long enrolled, long trainees, long completed, long neverAttended) {
    }

    /** A group of officials of the subtree and their training in the year. */
    @Schema(name = "TrainingReportOfficialGroup")
    record OfficialGroup(
            @Schema(description = "Persons in the group whose term overlaps the year", example = "48") long total,
            @Schema(description = "Persons who completed at least one course of the year", example = "48") long trained,
            @Schema(description = "trained / total in percent, one decimal; null when total is 0", example = "100.0")
            BigDecimal percentTrained,
            @Schema(description = "Persons who attended at least one session of a course of the year (completed or "
                    + "not): the looser reading of trained", example = "48")
            long attended,
            @Schema(description = "Their trainee-attendances at courses organised in the subtree", example = "120")
            long traineesAtOwnCourses,
            @Schema(description = "Their trainee-attendances at courses organised elsewhere", example = "316")
            long traineesElsewhere,
            @Schema(description = "Their enrolments with no session attended, wherever organised", example = "1")
            long neverAttended) {
    }

    /** Officials of the subtree at courses organised outside it. */
    @Schema(name = "TrainingReportElsewhere")
    record Elsewhere(
            @Schema(example = "2840") long enrolled,
            @Schema(description = "Trainee-attendances", example = "2832") long trainees,
            @Schema(description = "Trainee-attendances by FULL_TIME officials", example = "316") long byFullTimeOfficials,
            @Schema(example = "2800") long completed,
            @Schema(example = "8") long neverAttended) {
    }

    /** An official who enrolled on a course of the year and attended no session. */
    @Schema(name = "TrainingReportNeverAttended")
    record NeverAttended(
            @Schema(example = "5009") long enrolmentId,
            @Schema(example = "77") long courseId,
            @Schema(example = "Tập huấn nghiệp vụ cho chủ tịch công đoàn cơ sở") String courseTitle,
            @Schema(example = "12") long organisingUnitId,
            @Schema(example = "318") long officialId,
            @Schema(example = "Trần Văn Bình") String fullName,
            @Schema(example = "CHAIR") OfficialPost post,
            Long unitId,
            Long grassrootsUnionId) {
    }
}
