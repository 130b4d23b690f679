package vn.doanvien.member;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.doanvien.security.PersonalData;

/** A member as the API shows it; national ID, passport and phone masked for callers who may not read them. */
@Schema(name = "Member")
record MemberResponse(
        @Schema(example = "1001") Long id,
        @Schema(example = "DV0000001001", description = "Assigned by the system, read-only") String cardNumber,
        @Schema(example = "Nguyễn Văn An") String fullName,
        @Schema(example = "1995-04-12") LocalDate dateOfBirth,
        @Schema(example = "MALE") Gender gender,
        @Schema(example = "VN") String nationality,
        @Schema(example = "079095001234") String nationalId,
        @Schema(example = "C1234567") String passportNumber,
        @Schema(example = "0903 123 456") String phone,
        @Schema(example = "an.nguyen@example.vn") String email,
        @Schema(example = "51") Long grassrootsUnionId,
        @Schema(example = "Công đoàn cơ sở Công ty TNHH Samsung Electronics Việt Nam") String grassrootsUnionName,
        @Schema(example = "2024-03-01") LocalDate joinedOn,
        @Schema(example = "ACTIVE") MemberStatus status,
        LocalDate leftOn,
        String leaveReason,
        @Schema(example = "0") long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static MemberResponse of(Member m, String grassrootsUnionName) {
        return new MemberResponse(m.id, m.cardNumber, m.fullName, m.dateOfBirth, m.gender, m.nationality,
                PersonalData.visible(m.nationalId), PersonalData.visible(m.passportNumber),
                PersonalData.visible(m.phone), m.email, m.grassrootsUnionId, grassrootsUnionName,
                m.joinedOn, m.status, m.leftOn, m.leaveReason, m.version, m.createdAt, m.updatedAt);
    }
}
