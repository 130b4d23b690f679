package vn.doanvien.organisation;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One period of a unit's parent history, [validFrom, validTo). */
@Schema(name = "UnitParentLinkResponse")
record UnitParentLinkResponse(
        @Schema(example = "2") Long parentId,
        @Schema(example = "LDLD-HUYEN-GIALAM") String parentCode,
        @Schema(example = "Liên đoàn Lao động huyện Gia Lâm") String parentName,
        @Schema(example = "2020-01-01") LocalDate validFrom,
        @Schema(description = "Exclusive; null while the link is current", example = "2025-07-01")
        LocalDate validTo) {
}
