package vn.doanvien.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: name, role, the unit of an officer (or of an API key), the member record of a member.
 * Read from the token's claims ({@code unit_id}, {@code member_id}) or from the API key's attributes.
 */
public record Caller(String name, String role, Long unitId, Long memberId, Long apiKeyId) {

    static final String UNIT_CLAIM = "unit_id";
    static final String MEMBER_CLAIM = "member_id";
    static final String API_KEY_ATTRIBUTE = "doanvien.api-key-id";

    static final Caller SYSTEM = new Caller("system", null, null, null, null);

    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return new Caller("anonymous", null, null, null, null);
        }
        String role = identity.hasRole(Roles.ADMIN) ? Roles.ADMIN
                : identity.hasRole(Roles.OFFICER) ? Roles.OFFICER
                : identity.hasRole(Roles.ANALYST) ? Roles.ANALYST
                : identity.hasRole(Roles.MEMBER) ? Roles.MEMBER : null;
        Long unitId = identity.getAttribute(Caller.UNIT_CLAIM);
        Long memberId = identity.getAttribute(Caller.MEMBER_CLAIM);
        Long apiKeyId = identity.getAttribute(API_KEY_ATTRIBUTE);
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            unitId = number(jwt.getClaim(UNIT_CLAIM));
            memberId = number(jwt.getClaim(MEMBER_CLAIM));
        }
        return new Caller(identity.getPrincipal().getName(), role, unitId, memberId, apiKeyId);
    }

    public boolean is(String r) {
        return r.equals(role);
    }

    private static Long number(Object claim) {
        if (claim instanceof JsonNumber n) {
            return n.longValue();
        }
        if (claim instanceof Number n) {
            return n.longValue();
        }
        if (claim instanceof JsonString s) {
            return parse(s.getString());
        }
        if (claim instanceof String s) {
            return parse(s);
        }
        return null;
    }

    private static Long parse(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
