package vn.doanvien.organisation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A unit as the API shows it, with its parent on the requested date. */
@Schema(name = "UnitResponse")
record UnitResponse(
        @Schema(example = "101") Long id,
        @Schema(example = "UPPER_LEVEL_UNION") UnitKind kind,
        @Schema(example = "INDUSTRIAL_ZONE") UnitCategory category,
        @Schema(example = "CD-KCN-BN") String code,
        @Schema(example = "Công đoàn các Khu công nghiệp tỉnh Bắc Ninh") String name,
        @Schema(description = "Parent on the requested date (asOf, default today); null if none", example = "2")
        Long parentId,
        @Schema(example = "Liên đoàn Lao động tỉnh Bắc Ninh") String parentName,
        @Schema(example = "27") String provinceCode,
        @Schema(example = "2020-01-01") LocalDate validFrom,
        @Schema(description = "Exclusive: first day the unit no longer exists", example = "2025-07-01")
        LocalDate validTo,
        @Schema(description = "Whether the unit exists on the requested date", example = "true") boolean active,
        @Schema(example = "0") long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
