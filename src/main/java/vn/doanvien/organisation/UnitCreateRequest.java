package vn.doanvien.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/units}. Kind/parent/category rules are checked by {@link UnitService}. */
@Schema(name = "UnitCreateRequest")
record UnitCreateRequest(
        @Schema(description = "Level of the unit", example = "UPPER_LEVEL_UNION")
        @NotNull UnitKind kind,
        @Schema(description = "Required for UPPER_LEVEL_UNION, absent for other kinds", example = "INDUSTRIAL_ZONE")
        UnitCategory category,
        @Schema(description = "Unique code: 1-64 letters, digits, '.', '_' or '-'", example = "CD-KCN-BN")
        @NotBlank @Pattern(regexp = UnitCreateRequest.CODE_PATTERN, message = UnitCreateRequest.CODE_MESSAGE)
        String code,
        @Schema(example = "Công đoàn các Khu công nghiệp tỉnh Bắc Ninh")
        @NotBlank @Size(max = 255) String name,
        @Schema(description = "The parent unit; none for the Confederation", example = "75")
        Long parentId,
        @Schema(description = "Two-digit province code", example = "27")
        @Pattern(regexp = "\\d{2}", message = "must be 2 digits") String provinceCode,
        @Schema(description = "First day the unit exists; defaults to today, never in the future",
                example = "2025-07-01")
        LocalDate validFrom) {

    static final String CODE_PATTERN = "[A-Za-z0-9._-]{1,64}";
    static final String CODE_MESSAGE = "must be 1-64 characters among letters, digits, '.', '_' and '-'";
}
