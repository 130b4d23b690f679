package vn.doanvien.figures;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored reported figure. */
@Schema(name = "ReportedFigure")
public record ReportedFigureResponse(Long unitId, @Schema(example = "2024-10") String month, Long members,
                                     Integer grassrootsUnions, Long joined, Long left, String note, long version) {

    static ReportedFigureResponse of(ReportedFigure f) {
        return new ReportedFigureResponse(f.key.unitId(), java.time.YearMonth.from(f.key.monthStart()).toString(),
                f.members, f.grassrootsUnions, f.joined, f.left, f.note, f.version);
    }
}
