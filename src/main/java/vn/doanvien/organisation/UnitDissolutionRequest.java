package vn.doanvien.organisation;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/units/{id}/dissolution}. */
@Schema(name = "UnitDissolutionRequest")
record UnitDissolutionRequest(
        @Schema(description = "First day the unit no longer exists; not in the future, after validFrom",
                example = "2025-07-01")
        @NotNull LocalDate dissolvedOn) {
}
