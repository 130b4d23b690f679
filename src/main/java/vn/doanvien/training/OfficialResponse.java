package vn.doanvien.training;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.doanvien.member.Gender;

/** An official as the API shows it. */
@Schema(name = "OfficialResponse")
record OfficialResponse(
        @Schema(example = "301") long id,
        @Schema(example = "1201") Long memberId,
        @Schema(example = "Nguyễn Thị Hoa") String fullName,
        Gender gender,
        @Schema(example = "1984-05-19") LocalDate dateOfBirth,
        @Schema(description = "The unit served, or null when a grassroots union is served", example = "51") Long unitId,
        @Schema(description = "The grassroots union served, or null", example = "1001") Long grassrootsUnionId,
        @Schema(example = "CHAIR") OfficialPost post,
        @Schema(example = "PART_TIME") Employment employment,
        @Schema(example = "2023-07-15") LocalDate termStart,
        @Schema(description = "Exclusive end of the term", example = "2028-07-15") LocalDate termEnd,
        @Schema(description = "Whether the term covers today (Asia/Ho_Chi_Minh)") boolean activeToday,
        @Schema(example = "0") long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static OfficialResponse of(Official o, LocalDate today) {
        return new OfficialResponse(o.id, o.memberId, o.fullName, o.gender, o.dateOfBirth, o.unitId,
                o.grassrootsUnionId, o.post, o.employment, o.termStart, o.termEnd, o.isActiveOn(today), o.version,
                o.createdAt, o.updatedAt);
    }
}
