package vn.doanvien.training;

/** What a training course is about. */
public enum TrainingTopic {
    UNION_LAW_AND_ORGANISATION,
    LABOUR_LAW,
    COLLECTIVE_BARGAINING_AND_DIALOGUE,
    DISPUTE_RESOLUTION,
    FINANCE,
    INTERNATIONAL_RELATIONS_AND_LANGUAGES,
    COMMUNICATION,
    DIGITAL_SKILLS,
    OTHER
}
