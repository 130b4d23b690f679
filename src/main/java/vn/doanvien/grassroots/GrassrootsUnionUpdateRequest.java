package vn.doanvien.grassroots;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of an update: a full replacement of the editable fields. A new {@code upperLevelUnitId} moves the
 * union on {@code effectiveOn}.
 */
@Schema(name = "GrassrootsUnionUpdateRequest")
record GrassrootsUnionUpdateRequest(
        @Schema(example = "BN-YP-SEV")
        @NotBlank @Size(max = 64)
        @Pattern(regexp = "^[A-Za-z0-9._-]+$", message = "may contain only letters, digits, '.', '_' and '-'")
        String code,

        @Schema(example = "Công đoàn cơ sở Công ty TNHH Samsung Electronics Việt Nam")
        @NotBlank @Size(max = 255) String name,

        @Schema(description = "Upper-level union; a different one moves the union on effectiveOn", example = "157")
        @NotNull Long upperLevelUnitId,

        @Schema(description = "Enterprise, or null for agencies, schools and communes", example = "198")
        Long enterpriseId,

        @Schema(description = "Chair (chủ tịch CĐCS): an ACTIVE member of this union, or null", example = "1184")
        Long chairMemberId,

        @Schema(description = "When a move to another upper-level union takes effect; default today, not in the future",
                example = "2025-07-01")
        LocalDate effectiveOn) {
}
