package vn.doanvien.training;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.doanvien.member.Gender;

/** Body of POST and PUT /api/v1/officials: every editable field of an official (PUT replaces them all). */
@Schema(name = "OfficialRequest", description = "A person holding a post in a unit or in a grassroots union for a term. "
        + "Give exactly one of unitId and grassrootsUnionId. Give memberId when the person is a member (their name, "
        + "gender and date of birth are then taken from the member record), otherwise fullName.")
record OfficialRequest(
        @Schema(description = "The member this official is, if they are one", example = "1184")
        Long memberId,
        @Size(max = 255)
        @Schema(description = "Required when there is no memberId; ignored (copied from the member) when there is one",
                example = "Nguyễn Thị Hoa")
        String fullName,
        @Schema(description = "Optional; taken from the member when absent") Gender gender,
        @Schema(description = "Optional; not in the future", example = "1984-05-19") LocalDate dateOfBirth,
        @Schema(description = "The unit (levels 1-3) the official serves; exclusive with grassrootsUnionId",
                example = "75")
        Long unitId,
        @Schema(description = "The grassroots union the official serves; exclusive with unitId", example = "130")
        Long grassrootsUnionId,
        @NotNull @Schema(example = "CHAIR") OfficialPost post,
        @NotNull @Schema(description = "FULL_TIME (chuyên trách) or PART_TIME (kiêm nhiệm)", example = "PART_TIME")
        Employment employment,
        @NotNull @Schema(description = "First day of the term; not in the future", example = "2023-07-15")
        LocalDate termStart,
        @Schema(description = "Exclusive end of the term (first day without the post), after termStart; may be a "
                + "planned date in the future; absent while open-ended", example = "2028-07-15")
        LocalDate termEnd) {
}
