package vn.doanvien.recruitment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.doanvien.common.Exports;

/** Enterprise coverage of a unit's subtree: one row per child unit and the total. The CSV holds the rows, then the total. */
@Schema(name = "RecruitmentCoverage")
public record CoverageResponse(
        @Schema(example = "1") long unitId,
        String unitCode,
        String unitName,
        @Schema(example = "2026-12-02") LocalDate asOf,
        @Schema(example = "25") int minWorkforce,
        List<CoverageRow> rows,
        CoverageRow total) implements Exports.Table {

    /** Coverage of one unit's subtree. */
    @Schema(name = "RecruitmentCoverageRow")
    public record CoverageRow(
            @Schema(description = "The unit; null in the total row") Long unitId,
            @Schema(description = "The unit's code; TOTAL in the total row") String unitCode,
            String unitName,
            @Schema(description = "Enterprises with at least minWorkforce workers recruited by upper-level unions "
                    + "of the subtree") long enterprises,
            @Schema(description = "Of those, the ones with an active grassroots union") long unionized,
            @Schema(description = "enterprises minus unionized") long withoutUnion,
            @Schema(description = "unionized / enterprises in percent (2 decimals); null without enterprises")
            Double sharePercent,
            @Schema(description = "Workers of all the eligible enterprises") long workers,
            @Schema(description = "Workers of the unionized ones") long workersCovered) {
    }

    @Override
    public List<?> csvRows() {
        List<CoverageRow> all = new ArrayList<>(rows);
        all.add(total);
        return all;
    }

    @Override
    public Class<?> csvRowType() {
        return CoverageRow.class;
    }
}
