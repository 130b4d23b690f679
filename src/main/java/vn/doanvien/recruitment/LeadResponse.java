package vn.doanvien.recruitment;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.doanvien.enterprise.Ownership;

/** An enterprise with no active grassroots union, and the upper-level union responsible for recruiting there. */
@Schema(name = "RecruitmentLead")
public record LeadResponse(
        @Schema(example = "1051") long enterpriseId,
        @Schema(example = "2300325764") String taxCode,
        @Schema(example = "Công ty TNHH Điện tử Hòa Bình") String name,
        @Schema(example = "FOREIGN_INVESTED") Ownership ownership,
        @Schema(example = "KR") String investorCountry,
        @Schema(example = "C") String industry,
        @Schema(example = "24") String provinceCode,
        @Schema(example = "KCN Quế Võ, tỉnh Bắc Ninh") String address,
        @Schema(example = "1250") Integer workforce,
        @Schema(example = "2024-12-31") LocalDate workforceAsOf,
        @Schema(description = "The upper-level union responsible for the enterprise", example = "1201")
        long upperLevelUnitId,
        @Schema(example = "CDKCN-24") String upperLevelUnitCode,
        @Schema(example = "Công đoàn các Khu công nghiệp tỉnh Bắc Ninh") String upperLevelUnitName,
        @Schema(description = "A workers' organisation outside the union system exists in the enterprise")
        boolean hasIndependentWorkersOrganisation) {
}
