package vn.doanvien.sync;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the change feed: the changes after the cursor sent, and the cursor to send next. */
@Schema(name = "ChangeFeedResponse")
public record ChangeFeedResponse(List<Change> items,
                                 @Schema(example = "djE6MTI0", description = "Send as since to get what follows")
                                 String nextCursor,
                                 @Schema(description = "True when more changes are waiting after nextCursor")
                                 boolean hasMore) {

    /** One change; DELETED is a tombstone (the entity no longer exists). */
    @Schema(name = "Change")
    public record Change(@Schema(example = "djE6MTIz", description = "The position just after this change")
                         String cursor,
                         @Schema(example = "MEMBER") ChangeEntityType entityType,
                         @Schema(example = "1001") long entityId,
                         @Schema(example = "UPDATED") ChangeOperation operation,
                         @Schema(example = "7", description = "The unit it sat under when it changed (itself for a unit)")
                         Long unitId,
                         @Schema(example = "12", description = "On a move: the unit it left") Long previousUnitId,
                         OffsetDateTime changedAt,
                         @Schema(example = "/api/v1/members/1001", description = "Where to read its current state")
                         String href) {
    }
}
