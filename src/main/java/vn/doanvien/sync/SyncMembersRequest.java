package vn.doanvien.sync;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of POST /sync/members: up to 1,000 members, sent by an upper-level union (or a phone). */
@Schema(name = "SyncMembersRequest")
public record SyncMembersRequest(
        @Schema(example = "157", description = "The sending upper-level union; scopes the items' externalId")
        Long upperLevelUnitId,
        @Schema(description = "1 to 1000 members") List<SyncMemberItem> members) {
}
