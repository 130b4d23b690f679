package vn.doanvien.sync;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.doanvien.member.Gender;
import vn.doanvien.member.MemberStatus;

/**
 * One member as the sending system knows it. Matched on externalId (of the sending upper-level unit), else on
 * the national ID or passport. A different grassrootsUnionId with transferredOn is a transfer; leftOn (with
 * status LEFT, DECEASED or EXPELLED, LEFT by default) is a departure.
 */
@Schema(name = "SyncMemberItem")
public record SyncMemberItem(
        @Schema(example = "HRM-000123", description = "The member's id in the sender's system (needs upperLevelUnitId)")
        @Size(max = 100) String externalId,
        @Schema(example = "Nguyễn Văn An") @NotBlank @Size(max = 255) String fullName,
        @Schema(example = "1995-04-12") LocalDate dateOfBirth,
        @Schema(example = "MALE") Gender gender,
        @Schema(example = "VN", description = "ISO 3166 alpha-2, default VN")
        @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166 alpha-2 code such as VN") String nationality,
        @Schema(example = "079095001234", description = "12-digit CCCD; required for nationality VN")
        @Pattern(regexp = "^\\d{12}$", message = "must be 12 digits") String nationalId,
        @Schema(example = "C1234567", description = "Required for other nationalities, absent for VN")
        String passportNumber,
        @Schema(example = "0903 123 456")
        @Pattern(regexp = "^\\+?[0-9 .-]{8,20}$", message = "must be 8-20 digits, spaces, dots or dashes, optional leading +")
        String phone,
        @Schema(example = "an.nguyen@example.vn") @Email @Size(max = 254) String email,
        @Schema(example = "130", description = "The member's grassroots union now") @NotNull Long grassrootsUnionId,
        @Schema(example = "2024-03-01") @NotNull LocalDate joinedOn,
        @Schema(example = "2025-09-01", description = "When grassrootsUnionId differs from the registry: the transfer date")
        LocalDate transferredOn,
        @Schema(example = "ACTIVE", description = "Default ACTIVE, or LEFT when leftOn is given")
        MemberStatus status,
        @Schema(example = "2026-01-15", description = "First day no longer a member (a departure)") LocalDate leftOn,
        @Schema(example = "Nghỉ việc") @Size(max = 500) String leaveReason) {
}
