package vn.doanvien.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.doanvien.common.Problem;

/** The outcome of every item of a bulk sync, in the order sent, with totals. */
@Schema(name = "SyncMembersResponse")
public record SyncMembersResponse(int created, int updated, int unchanged, int rejected, List<Item> items) {

    /** One item's outcome; a rejected item carries the problem that stopped it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SyncMemberResult")
    public record Item(@Schema(example = "0") int index, @Schema(example = "CREATED") SyncOutcome outcome,
                       @Schema(example = "1001") Long memberId, @Schema(example = "DV0000001001") String cardNumber,
                       @Schema(example = "HRM-000123") String externalId, Problem problem) {
    }

    static SyncMembersResponse of(List<Item> items) {
        int[] n = new int[SyncOutcome.values().length];
        items.forEach(i -> n[i.outcome().ordinal()]++);
        return new SyncMembersResponse(n[0], n[1], n[2], n[3], items);
    }
}
