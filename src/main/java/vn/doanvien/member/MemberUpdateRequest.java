package vn.doanvien.member;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of PUT /members/{id}: every editable field. The grassroots union and joinedOn change only
 * through transfers; the card number never changes.
 */
@Schema(name = "MemberUpdateRequest")
record MemberUpdateRequest(
        @Schema(example = "Nguyễn Văn An") @NotBlank @Size(max = 255) String fullName,
        @Schema(example = "1995-04-12") LocalDate dateOfBirth,
        @Schema(example = "MALE") Gender gender,
        @Schema(example = "VN")
        @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166 alpha-2 code such as VN") String nationality,
        @Schema(example = "079095001234") @Pattern(regexp = "^\\d{12}$", message = "must be 12 digits") String nationalId,
        @Schema(example = "C1234567") String passportNumber,
        @Schema(example = "0903 123 456")
        @Pattern(regexp = "^\\+?[0-9 .-]{8,20}$", message = "must be 8-20 digits, spaces, dots or dashes, optional leading +")
        String phone,
        @Schema(example = "an.nguyen@example.vn") @Email @Size(max = 254) String email,
        @Schema(example = "LEFT", description = "ACTIVE, or LEFT/DECEASED/EXPELLED with leftOn; never back to ACTIVE")
        @NotNull MemberStatus status,
        @Schema(example = "2025-06-30", description = "Exclusive: the first day no longer a member")
        LocalDate leftOn,
        @Schema(example = "Nghỉ việc, chuyển về quê") @Size(max = 500) String leaveReason) {
}
