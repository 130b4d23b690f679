package vn.doanvien.figures;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A unit's official figures for one month; any of them may be absent. */
@Schema(name = "ReportedFigureRequest")
public record ReportedFigureRequest(
        @Min(0) @Max(100_000_000) @Schema(description = "Members at the end of the month", example = "11800000")
        Long members,
        @Min(0) @Max(10_000_000) @Schema(description = "Active grassroots unions at the end of the month",
                example = "127000") Integer grassrootsUnions,
        @Min(0) @Max(100_000_000) @Schema(description = "New members during the month", example = "102538")
        Long joined,
        @Min(0) @Max(100_000_000) @Schema(description = "Members who left during the month", example = "80000")
        Long left,
        @Size(max = 500) @Schema(example = "Báo cáo của Tổng Liên đoàn, tháng 10/2024") String note) {
}
