package vn.doanvien.grassroots;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of founding (registering) a grassroots union. It has no members yet, hence no chair. */
@Schema(name = "GrassrootsUnionCreateRequest")
record GrassrootsUnionCreateRequest(
        @Schema(description = "Unique code: letters, digits, '.', '_' or '-'", example = "BN-YP-SEV")
        @NotBlank @Size(max = 64)
        @Pattern(regexp = "^[A-Za-z0-9._-]+$", message = "may contain only letters, digits, '.', '_' and '-'")
        String code,

        @Schema(example = "Công đoàn cơ sở Công ty TNHH Samsung Electronics Việt Nam")
        @NotBlank @Size(max = 255) String name,

        @Schema(description = "The upper-level union (kind UPPER_LEVEL_UNION) it is founded under, active on foundedOn",
                example = "158")
        @NotNull Long upperLevelUnitId,

        @Schema(description = "The enterprise it is founded in; absent for agencies, schools and communes",
                example = "160")
        Long enterpriseId,

        @Schema(description = "Founding date, not in the future", example = "2024-03-15")
        @NotNull LocalDate foundedOn) {
}
