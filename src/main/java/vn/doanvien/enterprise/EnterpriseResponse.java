package vn.doanvien.enterprise;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An enterprise as the API shows it, with whether it has an active grassroots union. */
@Schema(name = "EnterpriseResponse")
record EnterpriseResponse(
        @Schema(example = "1051") Long id,
        @Schema(example = "0101234567") String taxCode,
        @Schema(example = "Công ty TNHH Điện tử Samsung Việt Nam") String name,
        @Schema(example = "FOREIGN_INVESTED") Ownership ownership,
        @Schema(example = "KR") String investorCountry,
        @Schema(example = "C") String industry,
        @Schema(example = "24") String provinceCode,
        @Schema(example = "KCN Yên Phong, xã Yên Trung, tỉnh Bắc Ninh") String address,
        @Schema(example = "1250") Integer workforce,
        @Schema(example = "2024-12-31") LocalDate workforceAsOf,
        @Schema(example = "1201") Long upperLevelUnitId,
        @Schema(example = "false") boolean hasIndependentWorkersOrganisation,
        @Schema(description = "Read-only: true while an ACTIVE grassroots union exists in this enterprise",
                example = "true")
        boolean unionized,
        @Schema(description = "Read-only: the ACTIVE grassroots union of this enterprise, null if none",
                example = "3101")
        Long grassrootsUnionId,
        @Schema(description = "Optimistic-locking version; the ETag is this value in quotes", example = "0")
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static EnterpriseResponse of(Enterprise e, Long grassrootsUnionId) {
        return new EnterpriseResponse(e.id, e.taxCode, e.name, e.ownership, e.investorCountry, e.industry,
                e.provinceCode, e.address, e.workforce, e.workforceAsOf, e.upperLevelUnitId,
                e.hasIndependentWorkersOrganisation, grassrootsUnionId != null, grassrootsUnionId,
                e.version, e.createdAt, e.updatedAt);
    }
}
