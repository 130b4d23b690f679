package vn.doanvien.member;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of PUT /members/{id}/classifications/{year}. */
@Schema(name = "ClassificationRequest")
record ClassificationRequest(@Schema(example = "EXCELLENT") @NotNull Classification classification) {
}
