package vn.doanvien.security.joining;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.doanvien.security.PersonalData;

/** Bodies of the online joining API. */
final class JoinRequestDtos {

    private JoinRequestDtos() {
    }

    @Schema(name = "JoinRequestCreateRequest")
    record Create(
            @Schema(example = "Trần Thị Mai") @NotBlank @Size(max = 255) String fullName,
            @Schema(example = "1998-06-02") LocalDate dateOfBirth,
            @Schema(example = "FEMALE") @Pattern(regexp = "^(MALE|FEMALE|OTHER)$",
                    message = "must be MALE, FEMALE or OTHER") String gender,
            @Schema(example = "VN", description = "ISO 3166 alpha-2, default VN")
            @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166 alpha-2 code such as VN") String nationality,
            @Schema(example = "001198004321", description = "12-digit CCCD; required for nationality VN")
            @Pattern(regexp = "^\\d{12}$", message = "must be 12 digits") String nationalId,
            @Schema(description = "Required for other nationalities")
            @Pattern(regexp = "^[A-Za-z0-9]{6,20}$", message = "must be 6 to 20 letters or digits") String passportNumber,
            @Schema(example = "0912 345 678")
            @Pattern(regexp = "^\\+?[0-9 .-]{8,20}$", message = "must be 8-20 digits, spaces, dots or dashes, optional leading +")
            String phone,
            @Schema(example = "mai.tran@example.vn") @Email @Size(max = 254) String email,
            @Schema(example = "2300100123", description = "The employer's tax code (mã số thuế)")
            @NotBlank @Pattern(regexp = "^\\d{10}(-\\d{3})?$",
                    message = "must be 10 digits, or 10 digits, '-' and 3 digits for a branch") String employerTaxCode,
            @Schema(description = "The employer's name, as the worker knows it; kept for an employer the registry "
                    + "does not know yet") @Size(max = 255) String employerName,
            @Schema(description = "Province code of the workplace (01 Hà Nội, 79 Hồ Chí Minh City…); required when "
                    + "the registry does not know the employer: the request goes to that province's federation")
            @Pattern(regexp = "^\\d{2}$", message = "must be a 2-digit province code such as 01") String provinceCode) {
    }

    @Schema(name = "JoinRequestReceipt", description = "Keep the reference and the secret to follow the request")
    record Receipt(@Schema(example = "JR-7K3M9QX2") String reference,
                   @Schema(description = "Shown once: send it as X-Join-Secret to read the status") String secret,
                   @Schema(example = "PENDING") String status,
                   @Schema(example = "GRASSROOTS_UNION", description = "GRASSROOTS_UNION: sent to the employer's union; "
                           + "RECRUITMENT_LEAD: the employer has no union yet, sent to the responsible upper level; "
                           + "UNREGISTERED: the registry does not know the employer yet, sent to the federation of "
                           + "the workplace's province (attached to the enterprise once it is registered)")
                   String routing) {
    }

    @Schema(name = "JoinRequestStatus")
    record Status(String reference, String status, String routing, OffsetDateTime submittedAt,
                  OffsetDateTime decidedAt, String rejectionReason,
                  @Schema(description = "Once approved") String cardNumber) {
    }

    @Schema(name = "JoinRequest")
    record Response(Long id, String reference, String status, String routing, String fullName, LocalDate dateOfBirth,
                    String gender, String nationality, String nationalId, String passportNumber, String phone,
                    String email, String employerTaxCode, String employerName, String provinceCode,
                    Long enterpriseId, Long grassrootsUnionId, Long unitId,
                    String decidedBy, OffsetDateTime decidedAt, String rejectionReason, Long memberId,
                    OffsetDateTime createdAt) {
        static Response of(JoinRequest r) {
            return new Response(r.id, r.reference, r.status, r.routing, r.fullName, r.dateOfBirth, r.gender,
                    r.nationality, PersonalData.visible(r.nationalId), PersonalData.visible(r.passportNumber),
                    PersonalData.visible(r.phone), r.email, r.employerTaxCode, r.employerName, r.provinceCode,
                    r.enterpriseId, r.grassrootsUnionId,
                    r.unitId, r.decidedBy, r.decidedAt, r.rejectionReason, r.memberId, r.createdAt);
        }
    }

    @Schema(name = "JoinRequestApproval")
    record Approval(@Schema(description = "Default today; not in the future") LocalDate joinedOn,
                    @Schema(description = "Required for a recruitment lead: the union the worker joins")
                    Long grassrootsUnionId) {
    }

    @Schema(name = "JoinRequestRejection")
    record Rejection(@Schema(example = "Không phải người lao động của doanh nghiệp") @NotBlank @Size(max = 500)
                     String reason) {
    }

    @Schema(name = "UnregisteredEmployerLead", description = "An employer the registry does not know yet, from the "
            + "workers who asked to join")
    record UnregisteredEmployer(@Schema(example = "0109999999") String employerTaxCode,
                                @Schema(description = "The name the latest worker gave") String employerName,
                                @Schema(example = "01") String provinceCode,
                                @Schema(description = "The federation the requests are routed to") Long unitId,
                                @Schema(description = "Pending requests of its workers") long workersAsking,
                                OffsetDateTime firstAskedAt, OffsetDateTime lastAskedAt) {
    }
}
