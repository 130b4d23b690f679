package vn.doanvien.organisation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A descendant in a subtree listing: a unit with its depth below the root (1 = direct child). */
@Schema(name = "UnitTreeNodeResponse")
record UnitTreeNodeResponse(
        @Schema(example = "1", description = "1 for a direct child of the root, 2 for a grandchild…") int depth,
        @Schema(example = "101") Long id,
        @Schema(example = "UPPER_LEVEL_UNION") UnitKind kind,
        @Schema(example = "COMMUNE_WARD") UnitCategory category,
        @Schema(example = "CD-PHUONG-BEN-NGHE") String code,
        @Schema(example = "Công đoàn phường Bến Nghé") String name,
        @Schema(example = "2") Long parentId,
        @Schema(example = "Liên đoàn Lao động Thành phố Hồ Chí Minh") String parentName,
        @Schema(example = "79") String provinceCode,
        @Schema(example = "2025-07-01") LocalDate validFrom,
        LocalDate validTo,
        @Schema(example = "true") boolean active,
        @Schema(example = "0") long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
