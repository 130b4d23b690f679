package vn.doanvien.grassroots;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One dated placement of a grassroots union under an upper-level union, [validFrom, validTo). */
@Schema(name = "GrassrootsUnionPlacement")
record PlacementResponse(
        @Schema(example = "1201") Long upperLevelUnitId,
        @Schema(example = "LDLD-BN-YP") String upperLevelUnitCode,
        @Schema(example = "Liên đoàn Lao động huyện Yên Phong") String upperLevelUnitName,
        @Schema(example = "2024-03-15") LocalDate validFrom,
        @Schema(description = "Exclusive; null while current", example = "2025-07-01") LocalDate validTo) {
}
