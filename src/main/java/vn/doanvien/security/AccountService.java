package vn.doanvien.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.Page;
import vn.doanvien.common.PageRequest;

/**
 * Users and API keys, managed by admins: every operation the API offers on them takes the caller's reach and
 * refuses anyone who does not reach everything (accounts grant reach, so only an admin may hand it out).
 */
@ApplicationScoped
@Transactional
public class AccountService {

    /** Creates a user on an admin's request. */
    AppUser createUser(String username, String password, String role, Long unitId, Long memberId, Reach reach) {
        requireAdmin(reach, "accounts");
        return createUser(username, password, role, unitId, memberId);
    }

    /** Creates a user; the password is stored as a bcrypt hash. Used by the API, the bootstrap and the demo. */
    public AppUser createUser(String username, String password, String role, Long unitId, Long memberId) {
        if (AppUser.count("lower(username) = ?1", username.toLowerCase()) > 0) {
            throw ApiProblem.duplicate("username", "A user named " + username + " already exists", null);
        }
        if (Roles.OFFICER.equals(role) && unitId == null) {
            throw ApiProblem.invalid("unitId", "is required for an OFFICER");
        }
        if (Roles.MEMBER.equals(role) && memberId == null) {
            throw ApiProblem.invalid("memberId", "is required for a MEMBER");
        }
        if (unitId != null && count("select count(*) from unit where id = ?1", unitId) == 0) {
            throw ApiProblem.invalid("unitId", "no unit with id " + unitId);
        }
        if (memberId != null && count("select count(*) from member where id = ?1", memberId) == 0) {
            throw ApiProblem.invalid("memberId", "no member with id " + memberId);
        }
        AppUser u = new AppUser();
        u.username = username;
        u.passwordHash = Secrets.bcrypt(password);
        u.role = role;
        u.unitId = Roles.OFFICER.equals(role) ? unitId : null;
        u.memberId = Roles.MEMBER.equals(role) ? memberId : null;
        u.enabled = true;
        u.persist();
        return u;
    }

    public boolean hasUsers() {
        return AppUser.count() > 0;
    }

    public boolean userExists(String username) {
        return AppUser.count("lower(username) = ?1", username.toLowerCase()) > 0;
    }

    Page<AuthDtos.UserResponse> listUsers(PageRequest page, Reach reach) {
        requireAdmin(reach, "accounts");
        // AppUser.count() is an HQL count of its own, which keeps its plan (PanacheQuery.count() would not)
        long total = AppUser.count();
        List<AppUser> items = AppUser.findAll(io.quarkus.panache.common.Sort.by("username").and("id"))
                .page(page.page(), page.size()).list();
        return Page.of(items.stream().map(AuthDtos.UserResponse::of).toList(), page, total);
    }

    AuthDtos.ApiKeyResponse createApiKey(AuthDtos.ApiKeyCreateRequest req, String createdBy, Reach reach) {
        requireAdmin(reach, "API keys");
        if (count("select count(*) from unit where id = ?1", req.unitId()) == 0) {
            throw ApiProblem.invalid("unitId", "no unit with id " + req.unitId());
        }
        String secret = "dvk_" + Secrets.random(32);
        ApiKey key = new ApiKey();
        key.name = req.name().trim();
        key.prefix = secret.substring(0, 10);
        key.keyHash = Secrets.sha256(secret);
        key.unitId = req.unitId();
        key.createdBy = createdBy;
        key.persist();
        ApiKey.flush();
        return AuthDtos.ApiKeyResponse.of(key, secret);
    }

    List<AuthDtos.ApiKeyResponse> listApiKeys(Reach reach) {
        requireAdmin(reach, "API keys");
        List<ApiKey> keys = ApiKey.list("order by id");
        return keys.stream().map(k -> AuthDtos.ApiKeyResponse.of(k, null)).toList();
    }

    AuthDtos.ApiKeyResponse revokeApiKey(long id, Reach reach) {
        requireAdmin(reach, "API keys");
        ApiKey key = ApiKey.findById(id);
        if (key == null) {
            throw ApiProblem.notFound("API key", id);
        }
        if (key.revokedAt == null) {
            key.revokedAt = OffsetDateTime.now();
        }
        return AuthDtos.ApiKeyResponse.of(key, null);
    }

    private static void requireAdmin(Reach reach, String what) {
        if (!reach.everything()) {
            throw reach.forbidden(what);
        }
    }

    private static long count(String sql, Long id) {
        return ((Number) AppUser.getEntityManager().createNativeQuery(sql).setParameter(1, id).getSingleResult())
                .longValue();
    }
}
