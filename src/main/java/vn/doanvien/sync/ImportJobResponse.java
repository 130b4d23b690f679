package vn.doanvien.sync;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An import job: its state and how many rows are done of the total, by outcome. */
@Schema(name = "ImportJobResponse")
public record ImportJobResponse(@Schema(example = "51") long id,
                                @Schema(example = "RUNNING") ImportStatus status,
                                @Schema(example = "doan-vien-2025.xlsx") String fileName,
                                @Schema(example = "XLSX") MemberFile.Format format,
                                @Schema(example = "1001") Long grassrootsUnionId,
                                @Schema(example = "7") Long upperLevelUnitId,
                                @Schema(example = "1200") int rowsTotal,
                                @Schema(example = "500") int rowsDone,
                                @Schema(example = "480") int created,
                                @Schema(example = "12") int updated,
                                @Schema(example = "3") int unchanged,
                                @Schema(example = "5") int rejected,
                                @Schema(description = "Why the job stopped, when FAILED") String failure,
                                @Schema(description = "Who uploaded the file", example = "officer.hanoi") String createdBy,
                                OffsetDateTime createdAt,
                                OffsetDateTime updatedAt) {

    static ImportJobResponse of(ImportJob j) {
        return new ImportJobResponse(j.id, j.status, j.fileName, j.format, j.grassrootsUnionId, j.upperLevelUnitId,
                j.rowsTotal, j.rowsDone, j.rowsCreated, j.rowsUpdated, j.rowsUnchanged, j.rowsRejected, j.failure,
                j.createdBy, j.createdAt, j.updatedAt);
    }
}
