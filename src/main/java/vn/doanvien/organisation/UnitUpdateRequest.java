package vn.doanvien.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code PUT /api/v1/units/{id}}: every editable field. {@code kind} and {@code validFrom} are fixed
 * at creation. A different {@code parentId} moves the unit on {@code effectiveOn}.
 */
@Schema(name = "UnitUpdateRequest")
record UnitUpdateRequest(
        @Schema(example = "CD-KCN-BN")
        @NotBlank @Pattern(regexp = UnitCreateRequest.CODE_PATTERN, message = UnitCreateRequest.CODE_MESSAGE)
        String code,
        @Schema(example = "Công đoàn các Khu công nghiệp tỉnh Bắc Ninh")
        @NotBlank @Size(max = 255) String name,
        @Schema(description = "Required for UPPER_LEVEL_UNION, absent for other kinds", example = "INDUSTRIAL_ZONE")
        UnitCategory category,
        @Schema(example = "27")
        @Pattern(regexp = "\\d{2}", message = "must be 2 digits") String provinceCode,
        @Schema(description = "The parent from effectiveOn on; none for the Confederation", example = "75")
        Long parentId,
        @Schema(description = "When a new parent takes effect; defaults to today, never in the future",
                example = "2025-07-01")
        LocalDate effectiveOn) {
}
