package vn.doanvien.security.joining;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.Page;
import vn.doanvien.common.PageRequest;
import vn.doanvien.common.Today;
import vn.doanvien.member.MemberRegistrar;
import vn.doanvien.security.CallerScope;
import vn.doanvien.security.LoginThrottle;
import vn.doanvien.security.Roles;
import vn.doanvien.security.Secrets;

/**
 * Online joining: a request lands with the active grassroots union of the employer, or, when the employer has
 * none, with the upper-level union responsible for it as a recruitment lead. Officers of that place approve
 * (the member is registered with the member rules and gets a card number) or reject with a reason.
 */
@ApplicationScoped
@Transactional
public class JoinRequestService {

    static final String PENDING = "PENDING";
    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";
    private static final String REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final CallerScope scope;
    private final MemberRegistrar registrar;
    private final LoginThrottle throttle;

    JoinRequestService(CallerScope scope, MemberRegistrar registrar, LoginThrottle throttle) {
        this.scope = scope;
        this.registrar = registrar;
        this.throttle = throttle;
    }

    JoinRequestDtos.Receipt submit(JoinRequestDtos.Create req, String address) {
        String nationality = req.nationality() == null ? "VN" : req.nationality();
        if ("VN".equals(nationality) && blank(req.nationalId())) {
            throw ApiProblem.invalid("nationalId", "is required for Vietnamese citizens (nationality VN)");
        }
        if (!"VN".equals(nationality) && blank(req.passportNumber())) {
            throw ApiProblem.invalid("passportNumber", "is required for nationality " + nationality);
        }
        List<?> enterprise = JoinRequest.getEntityManager()
                .createNativeQuery("select id, upper_level_unit_id from enterprise where tax_code = ?1")
                .setParameter(1, req.employerTaxCode()).getResultList();
        if (enterprise.isEmpty()) {
            throw ApiProblem.invalid("employerTaxCode", "no enterprise is registered with this tax code");
        }
        Object[] e = (Object[]) enterprise.get(0);
        JoinRequest r = new JoinRequest();
        r.enterpriseId = ((Number) e[0]).longValue();
        LocalDate today = Today.date();
        List<?> unions = JoinRequest.getEntityManager().createNativeQuery("""
                        select id, upper_level_unit_id from grassroots_union
                        where enterprise_id = ?1 and status = 'ACTIVE' and founded_on <= ?2
                          and (dissolved_on is null or dissolved_on > ?2)
                        order by founded_on desc, id""")
                .setParameter(1, r.enterpriseId).setParameter(2, today).setMaxResults(1).getResultList();
        if (!unions.isEmpty()) {
            Object[] g = (Object[]) unions.get(0);
            r.routing = "GRASSROOTS_UNION";
            r.grassrootsUnionId = ((Number) g[0]).longValue();
            r.unitId = ((Number) g[1]).longValue();
        } else {
            r.routing = "RECRUITMENT_LEAD";
            r.unitId = e[1] == null ? null : ((Number) e[1]).longValue();
        }
        String secret = Secrets.random(24);
        r.reference = reference();
        r.secretHash = Secrets.sha256(secret);
        r.status = PENDING;
        r.fullName = req.fullName().trim();
        r.dateOfBirth = req.dateOfBirth();
        r.gender = req.gender();
        r.nationality = nationality;
        r.nationalId = blank(req.nationalId()) ? null : req.nationalId().trim();
        r.passportNumber = blank(req.passportNumber()) ? null : req.passportNumber().trim().toUpperCase(Locale.ROOT);
        r.phone = blank(req.phone()) ? null : req.phone().trim();
        r.email = blank(req.email()) ? null : req.email().trim();
        r.employerTaxCode = req.employerTaxCode();
        r.clientAddress = address;
        r.persist();
        return new JoinRequestDtos.Receipt(r.reference, secret, r.status, r.routing);
    }

    /** The applicant's view, with the secret; a wrong secret is answered like an unknown reference. */
    JoinRequestDtos.Status status(String reference, String secret, String address) {
        throttle.checkLogin("join:" + reference, address);
        JoinRequest r = JoinRequest.find("reference", reference).firstResult();
        if (secret != null) {
            if (r == null || !Secrets.same(r.secretHash, Secrets.sha256(secret))) {
                throttle.loginFailed("join:" + reference, address);
                throw ApiProblem.notFound("Join request with this reference and secret", "");
            }
        } else {
            if (!scope.caller().is(Roles.ADMIN) && !scope.caller().is(Roles.OFFICER)) {
                throw new ApiProblem(401, "unauthorized", "Unauthorized",
                        "Send the secret returned at submission as X-Join-Secret", null, null);
            }
            r = load(reference);
        }
        String card = r.memberId == null ? null : (String) JoinRequest.getEntityManager()
                .createNativeQuery("select card_number from member where id = ?1").setParameter(1, r.memberId)
                .getResultList().stream().findFirst().orElse(null);
        return new JoinRequestDtos.Status(r.reference, r.status, r.routing, r.createdAt, r.decidedAt,
                r.rejectionReason, card);
    }

    Page<JoinRequestDtos.Response> list(String status, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        Set<Long> units = scope.unitFilter();
        if (units != null) {
            if (units.isEmpty()) {
                return Page.of(List.of(), page, 0);
            }
            where.add("(unitId in :units or grassrootsUnionId in (select g.id from GrassrootsUnion g "
                    + "where g.upperLevelUnitId in :units))");
            params.and("units", units);
        }
        var query = JoinRequest.<JoinRequest>find(String.join(" and ", where),
                Sort.descending("createdAt").and("id", Sort.Direction.Descending), params);
        long total = query.count();
        return Page.of(query.page(page.page(), page.size()).list().stream().map(JoinRequestDtos.Response::of)
                .toList(), page, total);
    }

    JoinRequestDtos.Response get(String reference) {
        return JoinRequestDtos.Response.of(load(reference));
    }

    JoinRequestDtos.Response approve(String reference, JoinRequestDtos.Approval body) {
        JoinRequest r = load(reference);
        pending(r);
        LocalDate joinedOn = body == null || body.joinedOn() == null ? Today.date() : body.joinedOn();
        if (joinedOn.isAfter(Today.date())) {
            throw ApiProblem.invalid("joinedOn", "must not be in the future");
        }
        Long union = body == null || body.grassrootsUnionId() == null ? r.grassrootsUnionId : body.grassrootsUnionId();
        if (union == null) {
            throw ApiProblem.invalid("grassrootsUnionId", "is required for a recruitment lead: the union the "
                    + "worker joins");
        }
        scope.requireGrassrootsUnion(union);
        MemberRegistrar.Registered member = registrar.register(r.fullName, r.dateOfBirth, r.gender, r.nationality,
                r.nationalId, r.passportNumber, r.phone, r.email, union, joinedOn);
        r.status = APPROVED;
        r.memberId = member.id();
        r.grassrootsUnionId = union;
        r.decidedBy = scope.caller().name();
        r.decidedAt = OffsetDateTime.now();
        JoinRequest.flush();
        return JoinRequestDtos.Response.of(r);
    }

    JoinRequestDtos.Response reject(String reference, String reason) {
        JoinRequest r = load(reference);
        pending(r);
        r.status = REJECTED;
        r.rejectionReason = reason.trim();
        r.decidedBy = scope.caller().name();
        r.decidedAt = OffsetDateTime.now();
        JoinRequest.flush();
        return JoinRequestDtos.Response.of(r);
    }

    private JoinRequest load(String reference) {
        JoinRequest r = JoinRequest.find("reference", reference).firstResult();
        if (r == null) {
            throw ApiProblem.notFound("Join request", reference);
        }
        if (scope.restricted()) {
            if (r.grassrootsUnionId != null) {
                scope.requireGrassrootsUnion(r.grassrootsUnionId);
            } else if (r.unitId != null) {
                scope.requireUnit(r.unitId);
            } else {
                throw scope.forbidden("join request " + reference);
            }
        }
        return r;
    }

    private static void pending(JoinRequest r) {
        if (!PENDING.equals(r.status)) {
            throw ApiProblem.conflict("Join request " + r.reference + " is already " + r.status);
        }
    }

    private static String reference() {
        String random = Secrets.random(16);
        StringBuilder sb = new StringBuilder("JR-");
        for (int i = 0; i < 10; i++) {
            sb.append(REFERENCE_ALPHABET.charAt((random.charAt(i) & 0x7f) % REFERENCE_ALPHABET.length()));
        }
        return sb.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
