package vn.doanvien.member;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of POST /members/{id}/transfers: move an ACTIVE member to another grassroots union. */
@Schema(name = "MemberTransferRequest")
record MemberTransferRequest(
        @Schema(example = "110") @NotNull Long toGrassrootsUnionId,
        @Schema(example = "2025-07-01", description = "First day in the new union; not in the future")
        @NotNull LocalDate effectiveOn) {
}
