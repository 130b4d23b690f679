package vn.doanvien.training;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of POST /api/v1/officials/{id}/end-term. */
@Schema(name = "OfficialEndTermRequest")
record OfficialEndTermRequest(
        @NotNull @Schema(description = "Exclusive: the first day the official no longer holds the post; after termStart",
                example = "2025-07-01")
        LocalDate termEnd) {
}
