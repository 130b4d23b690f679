package vn.doanvien.member;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of POST /members: a new ACTIVE member in a grassroots union. */
@Schema(name = "MemberCreateRequest")
record MemberCreateRequest(
        @Schema(example = "Nguyễn Văn An") @NotBlank @Size(max = 255) String fullName,
        @Schema(example = "1995-04-12", description = "Not in the future; at least 15 years before joinedOn")
        LocalDate dateOfBirth,
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
        @Schema(example = "130") @NotNull Long grassrootsUnionId,
        @Schema(example = "2024-03-01", description = "Not in the future") @NotNull LocalDate joinedOn) {
}
