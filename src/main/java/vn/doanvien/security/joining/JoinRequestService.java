package vn.doanvien.security.joining;

import vn.doanvien.security.Reach;
import vn.doanvien.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.Page;
import vn.doanvien.common.PageRequest;
import vn.doanvien.common.Today;
import vn.doanvien.member.MemberRegistrar;
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

    static final String UNREGISTERED = "UNREGISTERED";

    static final String PENDING = "PENDING";
    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";
    private static final String REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final JoinRequestRepository requests;
    private final MemberRegistrar registrar;
    private final LoginThrottle throttle;

    JoinRequestService(JoinRequestRepository requests, MemberRegistrar registrar, LoginThrottle throttle) {
        this.requests = requests;
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
        JoinRequest r = new JoinRequest();
        JoinRequestRepository.Employer employer = requests.employer(req.employerTaxCode(), Today.date()).orElse(null);
        if (employer != null) {
            route(r, employer);
        } else {
            // The best lead there is: a worker of an employer the registry does not know yet. The province of the
            // workplace says which federation follows it up.
            if (blank(req.provinceCode())) {
                throw ApiProblem.invalid("provinceCode", "is required when no enterprise is registered with this "
                        + "tax code: the province of the workplace, whose federation follows the request up");
            }
            r.routing = UNREGISTERED;
            r.unitId = requests.federationOf(req.provinceCode(), Today.date()).orElseThrow(() -> ApiProblem.invalid(
                    "provinceCode", "no provincial federation has the province code " + req.provinceCode()));
        }
        r.employerName = blank(req.employerName()) ? null : req.employerName().trim();
        r.provinceCode = blank(req.provinceCode()) ? null : req.provinceCode();
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
        requests.persist(r);
        return new JoinRequestDtos.Receipt(r.reference, secret, r.status, r.routing);
    }

    private static void route(JoinRequest r, JoinRequestRepository.Employer employer) {
        r.enterpriseId = employer.enterpriseId();
        if (employer.grassrootsUnionId() != null) {
            r.routing = "GRASSROOTS_UNION";
            r.grassrootsUnionId = employer.grassrootsUnionId();
            r.unitId = employer.unionUnitId();
        } else {
            r.routing = "RECRUITMENT_LEAD";
            if (employer.upperLevelUnitId() != null) {
                r.unitId = employer.upperLevelUnitId();
            }
        }
    }

    /**
     * Registering an enterprise attaches the pending requests of its workers that waited for it: they are routed as
     * if they had been sent now (to its union, or to its upper-level union as a recruitment lead).
     */
    void attach(@jakarta.enterprise.event.Observes vn.doanvien.enterprise.EnterpriseRegistered registered) {
        List<JoinRequest> waiting = requests.waitingFor(registered.taxCode());
        if (waiting.isEmpty()) {
            return;
        }
        JoinRequestRepository.Employer employer = requests.employer(registered.taxCode(), Today.date()).orElse(null);
        if (employer == null) {
            return;
        }
        for (JoinRequest r : waiting) {
            route(r, employer);
        }
    }

    Page<JoinRequestDtos.UnregisteredEmployer> unregisteredEmployers(Reach reach, PageRequest page) {
        List<JoinRequestDtos.UnregisteredEmployer> all = requests.unregisteredEmployers(reach);
        int from = (int) Math.min((long) page.page() * page.size(), all.size());
        return Page.of(all.subList(from, Math.min(from + page.size(), all.size())), page, all.size());
    }

    /**
     * The applicant's view, with the secret; a wrong secret is answered like an unknown reference. Without a
     * secret, an officer's or admin's view, in their reach.
     */
    JoinRequestDtos.Status status(String reference, String secret, String address, Caller caller, Reach reach) {
        JoinRequest r = requests.findByReference(reference).orElse(null);
        if (secret != null) {
            LoginThrottle.Attempt attempt = throttle.beginJoinSecret(reference, address);
            if (r == null || !Secrets.same(r.secretHash, Secrets.sha256(secret))) {
                throw ApiProblem.notFound("Join request with this reference and secret", "");
            }
            attempt.succeeded();
        } else {
            if (!caller.is(Roles.ADMIN) && !caller.is(Roles.OFFICER)) {
                throw new ApiProblem(401, "unauthorized", "Unauthorized",
                        "Send the secret returned at submission as X-Join-Secret", null, null);
            }
            r = requests.get(reference, reach);
        }
        String card = r.memberId == null ? null : requests.cardNumberOf(r.memberId).orElse(null);
        return new JoinRequestDtos.Status(r.reference, r.status, r.routing, r.createdAt, r.decidedAt,
                r.rejectionReason, card);
    }

    Page<JoinRequestDtos.Response> list(String status, Reach reach, PageRequest page) {
        return requests.search(status, reach).page(page).map(JoinRequestDtos.Response::of);
    }

    JoinRequestDtos.Response get(String reference, Reach reach) {
        return JoinRequestDtos.Response.of(requests.get(reference, reach));
    }

    JoinRequestDtos.Response approve(String reference, JoinRequestDtos.Approval body, Caller caller, Reach reach) {
        JoinRequest r = requests.getForWrite(reference, reach);
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
        // the registrar places the member only in a union the caller may write in
        MemberRegistrar.Registered member = registrar.register(r.fullName, r.dateOfBirth, r.gender, r.nationality,
                r.nationalId, r.passportNumber, r.phone, r.email, union, joinedOn, reach);
        r.status = APPROVED;
        r.memberId = member.id();
        r.grassrootsUnionId = union;
        r.decidedBy = caller.name();
        r.decidedAt = OffsetDateTime.now();
        requests.flush();
        return JoinRequestDtos.Response.of(r);
    }

    JoinRequestDtos.Response reject(String reference, String reason, Caller caller, Reach reach) {
        JoinRequest r = requests.getForWrite(reference, reach);
        pending(r);
        r.status = REJECTED;
        r.rejectionReason = reason.trim();
        r.decidedBy = caller.name();
        r.decidedAt = OffsetDateTime.now();
        requests.flush();
        return JoinRequestDtos.Response.of(r);
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
