package vn.doanvien.enterprise;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of create and of update (a full replacement of the editable fields). Rules that span several
 * fields (investor country, workforce date, upper-level union) are checked by {@link EnterpriseService}.
 */
@Schema(name = "EnterpriseRequest")
record EnterpriseRequest(
        @Schema(description = "10-digit tax code, or 10 digits, '-' and 3 digits for a branch",
                example = "0101234567")
        @NotBlank
        @Pattern(regexp = "^\\d{10}(-\\d{3})?$",
                message = "must be 10 digits, or 10 digits, '-' and 3 digits for a branch")
        String taxCode,

        @Schema(example = "Công ty TNHH Điện tử Samsung Việt Nam")
        @NotBlank @Size(max = 255) String name,

        @Schema(example = "FOREIGN_INVESTED") @NotNull Ownership ownership,

        @Schema(description = "ISO 3166 alpha-2 country of the investor; required for FOREIGN_INVESTED, absent otherwise",
                example = "KR")
        @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166 alpha-2 code such as KR")
        String investorCountry,

        @Schema(description = "VSIC 2018 section letter A–U", example = "C")
        @NotBlank @Pattern(regexp = "^[A-U]$", message = "must be a VSIC section letter A to U")
        String industry,

        @Schema(description = "2-digit province code", example = "24")
        @NotBlank @Pattern(regexp = "^\\d{2}$", message = "must be a 2-digit province code")
        String provinceCode,

        @Schema(example = "KCN Yên Phong, xã Yên Trung, tỉnh Bắc Ninh")
        @Size(max = 500) String address,

        @Schema(description = "Number of workers", example = "1250")
        @Min(0) @Max(1_000_000) Integer workforce,

        @Schema(description = "Date the workforce was counted; required with workforce, not in the future",
                example = "2024-12-31")
        LocalDate workforceAsOf,

        @Schema(description = "Upper-level union (kind UPPER_LEVEL_UNION, active today) in charge of recruiting here",
                example = "158")
        Long upperLevelUnitId,

        @Schema(description = "Whether a workers' representative organisation outside VGCL exists here; default false",
                example = "false")
        Boolean hasIndependentWorkersOrganisation) {
}
