package vn.doanvien.sync;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.doanvien.spreadsheet.SheetFormat;

/** An import job: its state and how many rows are done of the total, by outcome. */
@Schema(name = "ImportJobResponse")
public record ImportJobResponse(@Schema(example = "51") long id,
                                @Schema(example = "RUNNING") ImportStatus status,
                                @Schema(description = "A dry run: every row planned and counted as a real run would, "
                                        + "nothing written to the registry") boolean dryRun,
                                @Schema(example = "doan-vien-2025.xlsx") String fileName,
                                @Schema(example = "XLSX") SheetFormat format,
                                @Schema(example = "3145728", description = "The file's size in bytes") Long fileSize,
                                @Schema(example = "Danh sách", description = "The worksheet read (XLSX)") String sheet,
                                @Schema(example = "3", description = "The row of the header in the sheet or file")
                                Integer headerRow,
                                @Schema(example = "1001") Long grassrootsUnionId,
                                @Schema(example = "7") Long upperLevelUnitId,
                                @Schema(example = "1200", description = "Rows under the header, blank rows not counted")
                                int rowsTotal,
                                @Schema(example = "500") int rowsDone,
                                @Schema(example = "480") int created,
                                @Schema(example = "12") int updated,
                                @Schema(example = "3") int unchanged,
                                @Schema(example = "5", description = "Rows not imported: GET .../rejected lists them "
                                        + "with the reason, as CSV or XLSX") int rejected,
                                @Schema(description = "Why the job stopped, when FAILED") String failure,
                                @Schema(description = "Who uploaded the file", example = "officer.hanoi") String createdBy,
                                OffsetDateTime createdAt,
                                OffsetDateTime updatedAt) {

    static ImportJobResponse of(ImportJob j) {
        return new ImportJobResponse(j.id, j.status, j.dryRun, j.fileName, j.format, j.fileSize, j.sheetName,
                j.headerRow, j.grassrootsUnionId, j.upperLevelUnitId, j.rowsTotal, j.rowsDone, j.rowsCreated,
                j.rowsUpdated, j.rowsUnchanged, j.rowsRejected, j.failure, j.createdBy, j.createdAt, j.updatedAt);
    }
}
