package vn.doanvien.training;

import vn.doanvien.security.Reach;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.ETags;
import vn.doanvien.common.Page;
import vn.doanvien.common.PageRequest;
import vn.doanvien.common.Problem;
import vn.doanvien.common.Today;
import vn.doanvien.grassroots.GrassrootsUnionRepository;
import vn.doanvien.member.Member;
import vn.doanvien.member.MemberRepository;
import vn.doanvien.organisation.UnitRepository;

/** The rules of officials: where they serve, who they are, and one chair per place at a time. */
@ApplicationScoped
@Transactional
class OfficialService {

    private final OfficialRepository officials;
    private final TrainingEnrolmentRepository enrolments;
    private final UnitRepository units;
    private final GrassrootsUnionRepository grassrootsUnions;
    private final MemberRepository members;

    OfficialService(OfficialRepository officials, TrainingEnrolmentRepository enrolments, UnitRepository units,
                    GrassrootsUnionRepository grassrootsUnions, MemberRepository members) {
        this.officials = officials;
        this.enrolments = enrolments;
        this.units = units;
        this.grassrootsUnions = grassrootsUnions;
        this.members = members;
    }

    OfficialResponse create(OfficialRequest req, Reach reach) {
        Official o = new Official();
        apply(o, req, reach);
        officials.persist(o);
        officials.flush();
        return OfficialResponse.of(o, Today.date());
    }

    OfficialResponse get(long id, Reach reach) {
        return OfficialResponse.of(officials.get(id, reach), Today.date());
    }

    /**
     * Officials in the reach (an officer who names nothing sees their whole subtree); a unit, union or member
     * named in the filter must be in the reach too (else 403).
     */
    Page<OfficialResponse> list(OfficialRepository.Filter filter, boolean subtree, Reach reach, PageRequest page) {
        LocalDate today = Today.date();
        OfficialRepository.Filter f = filter;
        if (filter.unitId() != null) {
            units.findInReach(filter.unitId(), reach);
        }
        if (filter.grassrootsUnionId() != null) {
            grassrootsUnions.findInReach(filter.grassrootsUnionId(), reach);
        }
        if (filter.memberId() != null) {
            members.findInReach(filter.memberId(), reach);
        }
        if (subtree) {
            if (filter.unitId() == null) {
                throw ApiProblem.invalid("subtree", "requires unitId");
            }
            f = new OfficialRepository.Filter(filter.q(), filter.unitId(),
                    units.subtreeIds(filter.unitId(), today), today, filter.grassrootsUnionId(), filter.post(),
                    filter.employment(), filter.activeOn(), filter.memberId());
        }
        return officials.search(f, reach, page).map(o -> OfficialResponse.of(o, today));
    }

    OfficialResponse update(long id, OfficialRequest req, String ifMatch, Reach reach) {
        Official o = officials.getForWrite(id, reach);
        ETags.checkIfMatch(ifMatch, o.version);
        apply(o, req, reach);
        officials.flush();
        return OfficialResponse.of(o, Today.date());
    }

    OfficialResponse endTerm(long id, OfficialEndTermRequest req, String ifMatch, Reach reach) {
        Official o = officials.getForWrite(id, reach);
        ETags.checkIfMatch(ifMatch, o.version);
        LocalDate today = Today.date();
        if (o.termEnd != null && !o.termEnd.isAfter(today)) {
            throw ApiProblem.conflict("The term of official " + id + " already ended on " + o.termEnd);
        }
        if (!req.termEnd().isAfter(o.termStart)) {
            throw ApiProblem.invalid("termEnd", "must be after termStart " + o.termStart);
        }
        o.termEnd = req.termEnd();
        officials.flush();
        return OfficialResponse.of(o, today);
    }

    void delete(long id, Reach reach) {
        Official o = officials.getForWrite(id, reach);
        if (enrolments.existsForOfficial(id)) {
            throw ApiProblem.conflict("Official " + id + " has training enrolments; end the term instead of deleting");
        }
        officials.delete(o);
    }

    private void apply(Official o, OfficialRequest req, Reach reach) {
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate today = Today.date();
        if (req.unitId() == null && req.grassrootsUnionId() == null) {
            errors.add(new Problem.FieldError("unitId", "one of unitId and grassrootsUnionId is required"));
        } else if (req.unitId() != null && req.grassrootsUnionId() != null) {
            errors.add(new Problem.FieldError("grassrootsUnionId", "must be absent when unitId is given"));
        } else if (req.unitId() != null && units.findForPlacement(req.unitId(), reach).isEmpty()) {
            errors.add(new Problem.FieldError("unitId", "unit " + req.unitId() + " does not exist"));
        } else if (req.grassrootsUnionId() != null
                && grassrootsUnions.findForWrite(req.grassrootsUnionId(), reach, false).isEmpty()) {
            errors.add(new Problem.FieldError("grassrootsUnionId",
                    "grassroots union " + req.grassrootsUnionId() + " does not exist"));
        }
        Member member = null;
        if (req.memberId() != null) {
            member = members.findForWrite(req.memberId(), reach).orElse(null);
            if (member == null) {
                errors.add(new Problem.FieldError("memberId", "member " + req.memberId() + " does not exist"));
            }
        } else if (req.fullName() == null || req.fullName().isBlank()) {
            errors.add(new Problem.FieldError("fullName", "is required when there is no memberId"));
        }
        if (req.dateOfBirth() != null && req.dateOfBirth().isAfter(today)) {
            errors.add(new Problem.FieldError("dateOfBirth", "must not be in the future"));
        }
        if (req.termStart().isAfter(today)) {
            errors.add(new Problem.FieldError("termStart", "must not be in the future"));
        }
        if (req.termEnd() != null && !req.termEnd().isAfter(req.termStart())) {
            errors.add(new Problem.FieldError("termEnd", "must be after termStart"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        if (req.post() == OfficialPost.CHAIR) {
            checkSingleChair(req, o.id, reach);
        }
        o.memberId = req.memberId();
        if (member != null) {
            o.fullName = member.fullName;
            o.gender = req.gender() != null ? req.gender() : member.gender;
            o.dateOfBirth = req.dateOfBirth() != null ? req.dateOfBirth() : member.dateOfBirth;
        } else {
            o.fullName = req.fullName().trim();
            o.gender = req.gender();
            o.dateOfBirth = req.dateOfBirth();
        }
        o.unitId = req.unitId();
        o.grassrootsUnionId = req.grassrootsUnionId();
        o.post = req.post();
        o.employment = req.employment();
        o.termStart = req.termStart();
        o.termEnd = req.termEnd();
    }

    /** One CHAIR per unit or grassroots union at a time; the place is locked so two writers cannot both pass. */
    private void checkSingleChair(OfficialRequest req, Long selfId, Reach reach) {
        if (req.unitId() != null) {
            units.lockForWrite(req.unitId(), reach);
        } else {
            grassrootsUnions.findForWrite(req.grassrootsUnionId(), reach, true);
        }
        officials.overlappingChair(req.unitId(), req.grassrootsUnionId(), req.termStart(), req.termEnd(), selfId)
                .ifPresent(other -> {
                    throw ApiProblem.duplicate("post", "Official " + other.id + " (" + other.fullName
                            + ") is CHAIR there from " + other.termStart
                            + (other.termEnd == null ? "" : " until " + other.termEnd)
                            + "; a unit has one chair at a time: end that term first", other.id);
                });
    }
}
