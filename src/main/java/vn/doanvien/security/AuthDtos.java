package vn.doanvien.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of authentication, users and API keys. */
final class AuthDtos {

    private AuthDtos() {
    }

    @Schema(name = "TokenRequest")
    record TokenRequest(@Schema(example = "admin") @NotBlank @Size(max = 100) String username,
                        @Schema(example = "admin-demo-2026") @NotBlank @Size(max = 200) String password) {
    }

    @Schema(name = "RefreshRequest")
    record RefreshRequest(@Schema(description = "The refresh token of the previous answer") @NotBlank
                          @Size(max = 200) String refreshToken) {
    }

    @Schema(name = "TokenResponse")
    record TokenResponse(@Schema(description = "RS256 JWT for Authorization: Bearer") String accessToken,
                         @Schema(example = "Bearer") String tokenType,
                         @Schema(description = "Seconds the access token lives", example = "900") long expiresIn,
                         @Schema(description = "Single use: a refresh returns a new one") String refreshToken,
                         @Schema(example = "604800") long refreshExpiresIn,
                         @Schema(example = "OFFICER") String role) {
    }

    @Schema(name = "CurrentUser")
    record MeResponse(@Schema(example = "officer.hanoi") String name,
                      @Schema(example = "OFFICER") String role,
                      @Schema(example = "12") Long unitId,
                      Long memberId,
                      Long apiKeyId) {
    }

    @Schema(name = "UserCreateRequest")
    record UserCreateRequest(
            @Schema(example = "officer.haiphong") @NotBlank @Size(min = 3, max = 100)
            @Pattern(regexp = "^[A-Za-z0-9._@-]+$", message = "letters, digits, '.', '_', '@' or '-'") String username,
            @Schema(example = "a long passphrase") @NotBlank @Size(min = 10, max = 200) String password,
            @Schema(example = "OFFICER") @NotNull
            @Pattern(regexp = "^(ADMIN|OFFICER|ANALYST|MEMBER)$", message = "must be ADMIN, OFFICER, ANALYST or MEMBER")
            String role,
            @Schema(description = "Required for OFFICER: the unit whose subtree they work in", example = "75")
            Long unitId,
            @Schema(description = "Required for MEMBER: their member record", example = "1185") Long memberId) {
    }

    @Schema(name = "User")
    record UserResponse(Long id, String username, String role, Long unitId, Long memberId, boolean enabled,
                        OffsetDateTime createdAt) {
        static UserResponse of(AppUser u) {
            return new UserResponse(u.id, u.username, u.role, u.unitId, u.memberId, u.enabled, u.createdAt);
        }
    }

    @Schema(name = "ApiKeyCreateRequest")
    record ApiKeyCreateRequest(@Schema(example = "HR system of LĐLĐ Hà Nội") @NotBlank @Size(max = 200) String name,
                               @Schema(description = "The unit the key acts for, as its officer", example = "75")
                               @NotNull Long unitId) {
    }

    @Schema(name = "ApiKey")
    record ApiKeyResponse(Long id, String name, @Schema(description = "First characters, to recognise the key")
                          String prefix, Long unitId, String createdBy, OffsetDateTime createdAt,
                          OffsetDateTime revokedAt, OffsetDateTime lastUsedAt,
                          @Schema(description = "The key itself: only in the answer to its creation, never again")
                          String key) {
        static ApiKeyResponse of(ApiKey k, String key) {
            return new ApiKeyResponse(k.id, k.name, k.prefix, k.unitId, k.createdBy, k.createdAt, k.revokedAt,
                    k.lastUsedAt, key);
        }
    }

    record ApiKeyList(List<ApiKeyResponse> items) {
    }
}
