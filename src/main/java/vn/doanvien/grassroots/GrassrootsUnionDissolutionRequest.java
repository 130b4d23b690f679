package vn.doanvien.grassroots;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of a dissolution. */
@Schema(name = "GrassrootsUnionDissolutionRequest")
record GrassrootsUnionDissolutionRequest(
        @Schema(description = "First day the union no longer exists; after foundedOn, not in the future",
                example = "2025-06-30")
        @NotNull LocalDate dissolvedOn) {
}
