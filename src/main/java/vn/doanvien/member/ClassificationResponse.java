package vn.doanvien.member;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A member's evaluation for one year. */
@Schema(name = "MemberClassification")
record ClassificationResponse(@Schema(example = "2024") int year,
                              @Schema(example = "EXCELLENT") Classification classification,
                              @Schema(example = "0") long version) {

    static ClassificationResponse of(MemberClassification c) {
        return new ClassificationResponse(c.key.year(), c.classification, c.version);
    }
}
