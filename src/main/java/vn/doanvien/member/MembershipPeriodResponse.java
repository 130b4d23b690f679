package vn.doanvien.member;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One stretch of a member's history, [startOn, endOn). */
@Schema(name = "MembershipPeriod")
record MembershipPeriodResponse(
        @Schema(example = "51") Long grassrootsUnionId,
        @Schema(example = "CDCS-SEV") String grassrootsUnionCode,
        @Schema(example = "Công đoàn cơ sở Công ty TNHH Samsung Electronics Việt Nam") String grassrootsUnionName,
        @Schema(example = "2024-03-01") LocalDate startOn,
        @Schema(example = "2025-07-01", description = "Exclusive; null while current") LocalDate endOn,
        @Schema(example = "TRANSFER") PeriodEndReason endReason) {
}
