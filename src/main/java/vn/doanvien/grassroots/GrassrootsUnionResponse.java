package vn.doanvien.grassroots;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A grassroots union as the API shows it, with its live count of active members. */
@Schema(name = "GrassrootsUnionResponse")
record GrassrootsUnionResponse(
        @Schema(example = "3101") Long id,
        @Schema(example = "BN-YP-SEV") String code,
        @Schema(example = "Công đoàn cơ sở Công ty TNHH Samsung Electronics Việt Nam") String name,
        @Schema(description = "Current upper-level union", example = "1201") Long upperLevelUnitId,
        @Schema(example = "Công đoàn các Khu công nghiệp tỉnh Bắc Ninh") String upperLevelUnitName,
        @Schema(example = "1051") Long enterpriseId,
        @Schema(example = "Công ty TNHH Samsung Electronics Việt Nam") String enterpriseName,
        @Schema(example = "2024-03-15") LocalDate foundedOn,
        @Schema(description = "Read-only: first day the union no longer exists; null while active") LocalDate dissolvedOn,
        @Schema(description = "Read-only, derived from dissolvedOn", example = "ACTIVE") GrassrootsUnionStatus status,
        @Schema(example = "88001") Long chairMemberId,
        @Schema(description = "Read-only: members with status ACTIVE in this union now", example = "1532")
        long activeMembers,
        @Schema(description = "Optimistic-locking version; the ETag is this value in quotes", example = "0")
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static GrassrootsUnionResponse of(GrassrootsUnion g, String upperLevelUnitName, String enterpriseName,
                                      long activeMembers) {
        return new GrassrootsUnionResponse(g.id, g.code, g.name, g.upperLevelUnitId, upperLevelUnitName,
                g.enterpriseId, enterpriseName, g.foundedOn, g.dissolvedOn, g.status, g.chairMemberId,
                activeMembers, g.version, g.createdAt, g.updatedAt);
    }
}
