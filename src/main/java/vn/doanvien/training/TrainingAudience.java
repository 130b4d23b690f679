package vn.doanvien.training;

/** Whom a course is meant for; informative only, enrolment is open to any official. */
public enum TrainingAudience {
    GRASSROOTS_CHAIRS,
    GRASSROOTS_OFFICIALS,
    FULL_TIME_OFFICIALS,
    PART_TIME_OFFICIALS,
    ALL_OFFICIALS,
    OTHER
}
