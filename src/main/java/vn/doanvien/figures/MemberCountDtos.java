package vn.doanvien.figures;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.doanvien.common.Problem;

/** Request and response records of grassroots unions' monthly member counts. */
final class MemberCountDtos {

    private MemberCountDtos() {
    }

    @Schema(name = "MemberCountRequest")
    record MemberCountRequest(
            @Min(0) @Max(1_000_000) @Schema(description = "Members at the end of the month", example = "412") Integer members,
            @Min(0) @Max(1_000_000) @Schema(description = "New members during the month", example = "9") Integer joined,
            @Min(0) @Max(1_000_000) @Schema(description = "Members who left during the month", example = "4") Integer left,
            @Min(0) @Max(10_000_000) @Schema(description = "Workers at the end of the month", example = "530") Integer workforce,
            @Size(max = 500) String note) {
    }

    @Schema(name = "MemberCount")
    record MemberCountResponse(Long grassrootsUnionId, @Schema(example = "2026-10") String month, Integer members,
                               Integer joined, Integer left, Integer workforce, String note, long version) {

        static MemberCountResponse of(MemberCount c) {
            return new MemberCountResponse(c.key.grassrootsUnionId(),
                    java.time.YearMonth.from(c.key.monthStart()).toString(), c.members, c.joined, c.left,
                    c.workforce, c.note, c.version);
        }
    }

    @Schema(name = "MemberCountItem")
    record MemberCountItem(
            @NotNull @Schema(example = "148") Long grassrootsUnionId,
            @NotNull @Pattern(regexp = "^\\d{4}-\\d{2}$", message = "must be a month YYYY-MM")
            @Schema(example = "2026-10") String month,
            @Min(0) @Max(1_000_000) Integer members,
            @Min(0) @Max(1_000_000) Integer joined,
            @Min(0) @Max(1_000_000) Integer left,
            @Min(0) @Max(10_000_000) Integer workforce,
            @Size(max = 500) String note) {
    }

    @Schema(name = "MemberCountBulkRequest")
    record MemberCountBulkRequest(@NotEmpty @Size(max = 1000) List<@NotNull MemberCountItem> items) {
    }

    /** What happened to one item of a bulk request. */
    enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED,
        REJECTED
    }

    @Schema(name = "MemberCountItemResult")
    record ItemResult(int index, Long grassrootsUnionId, String month, Outcome outcome,
                      @JsonInclude(JsonInclude.Include.NON_NULL)
                      @Schema(description = "The stored count; absent when rejected") MemberCountResponse count,
                      @JsonInclude(JsonInclude.Include.NON_NULL)
                      @Schema(description = "Why the item was rejected; absent otherwise") Problem problem) {
    }

    @Schema(name = "MemberCountBulkResponse")
    record BulkResponse(int created, int updated, int unchanged, int rejected, List<ItemResult> items) {
    }
}
