package vn.doanvien.member;

import vn.doanvien.security.Reach;
import jakarta.persistence.LockModeType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.ETags;
import vn.doanvien.common.Page;
import vn.doanvien.common.PageRequest;
import vn.doanvien.common.Problem;
import vn.doanvien.common.Today;
import vn.doanvien.figures.MembershipLedger;
import vn.doanvien.figures.MembershipSpan;
import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.grassroots.GrassrootsUnionRepository;
import vn.doanvien.grassroots.GrassrootsUnionStatus;
import vn.doanvien.organisation.UnitRepository;

/** The rules of membership: joining, editing, leaving, transfers between grassroots unions, yearly classification. */
@ApplicationScoped
@Transactional
class MemberService {

    static final Map<String, String> SORTABLE = Map.of(
            "fullName", "fullName",
            "joinedOn", "joinedOn",
            "cardNumber", "cardNumber",
            "createdAt", "createdAt");


    private final MemberRepository members;
    private final MembershipPeriodRepository periods;
    private final MemberClassificationRepository classifications;
    private final GrassrootsUnionRepository grassrootsUnions;
    private final UnitRepository units;
    private final MembershipLedger ledger;

    MemberService(MemberRepository members, MembershipPeriodRepository periods,
                  MemberClassificationRepository classifications, GrassrootsUnionRepository grassrootsUnions,
                  UnitRepository units, MembershipLedger ledger) {
        this.members = members;
        this.periods = periods;
        this.classifications = classifications;
        this.grassrootsUnions = grassrootsUnions;
        this.units = units;
        this.ledger = ledger;
    }

    /** How the figures see a period: a stay that began with the join, or later with a transfer in. */
    static MembershipSpan span(MembershipPeriod p, Member m) {
        return p.span(m);
    }

    MemberResponse create(MemberCreateRequest req, Reach reach) {
        LocalDate today = Today.date();
        List<Problem.FieldError> errors = new ArrayList<>();
        MemberRules.Identity identity = MemberRules.identity(req.nationality(), req.nationalId(), req.passportNumber(), errors);
        if (req.joinedOn().isAfter(today)) {
            errors.add(new Problem.FieldError("joinedOn", "must not be in the future"));
        }
        MemberRules.checkDateOfBirth(req.dateOfBirth(), req.joinedOn(), today, errors);
        GrassrootsUnion union = grassrootsUnions.findForWrite(req.grassrootsUnionId(), reach, false).orElse(null);
        if (union == null) {
            errors.add(new Problem.FieldError("grassrootsUnionId",
                    "no grassroots union with id " + req.grassrootsUnionId()));
        }
        failIfAny(errors);
        if (!activeOn(union, req.joinedOn())) {
            throw ApiProblem.conflict("Grassroots union " + union.id + " is not active on " + req.joinedOn()
                    + " (founded " + union.foundedOn + (union.dissolvedOn == null ? "" : ", dissolved "
                    + union.dissolvedOn) + ")");
        }
        checkNotDuplicate(identity, null, reach);

        Member m = new Member();
        m.fullName = req.fullName().trim();
        m.dateOfBirth = req.dateOfBirth();
        m.gender = req.gender();
        m.nationality = identity.nationality();
        m.nationalId = identity.nationalId();
        m.passportNumber = identity.passportNumber();
        m.phone = blankToNull(req.phone());
        m.email = blankToNull(req.email());
        m.grassrootsUnionId = union.id;
        m.joinedOn = req.joinedOn();
        m.status = MemberStatus.ACTIVE;
        // The card number derives from the id, which exists only once persisted; Hibernate inserts the state
        // as it was at persist, so insert a unique placeholder and set the real number in the same transaction.
        m.cardNumber = "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 19);
        members.persist(m);

        MembershipPeriod period = MembershipPeriod.of(m, union.id, m.joinedOn);
        periods.persist(period);
        members.flush();
        ledger.membershipChanged(null, span(period, m));
        members.assignCardNumber(m, cardNumberOf(m.id));
        return MemberResponse.of(m, union.name);
    }

    static String cardNumberOf(long id) {
        return Member.cardNumberOf(id);
    }

    /**
     * Members in the reach matching the filter (an officer who names no unit sees their whole subtree); a unit or
     * union named in the filter must be in the reach too (else 403).
     */
    // A transaction of its own, unlike get: an export calls it once per chunk of 5,000, and the end of each
    // transaction frees that chunk's entities (a request-scoped session would hold every row exported)
    Page<MemberResponse> list(MemberFilter filter, Reach reach, PageRequest page) {
        List<Long> unitIds = null;
        if (filter.grassrootsUnionId() != null) {
            grassrootsUnions.findInReach(filter.grassrootsUnionId(), reach);
        }
        if (filter.unitId() != null) {
            units.findInReach(filter.unitId(), reach);
            unitIds = units.subtreeIds(filter.unitId(), Today.date());
            if (unitIds.isEmpty()) {
                return Page.of(List.of(), page, 0);
            }
        }
        Page<Member> found = members.search(filter, unitIds, reach, page.sort()).page(page);
        Map<Long, String> names = members.grassrootsUnionNames(
                found.items().stream().map(m -> m.grassrootsUnionId).distinct().toList());
        return found.map(m -> MemberResponse.of(m, names.get(m.grassrootsUnionId)));
    }

    @Transactional(Transactional.TxType.SUPPORTS) // a read: no transaction of its own (see docs/architecture.md)
    MemberResponse get(long id, Reach reach) {
        MemberRepository.WithUnionName found = members.getWithUnionName(id, reach);
        return MemberResponse.of(found.member(), found.unionName());
    }

    MemberResponse update(long id, MemberUpdateRequest req, String ifMatch, Reach reach) {
        Member m = members.getForWrite(id, reach);
        ETags.checkIfMatch(ifMatch, m.version);
        LocalDate today = Today.date();
        List<Problem.FieldError> errors = new ArrayList<>();
        MemberRules.Identity identity = MemberRules.identity(req.nationality(), req.nationalId(), req.passportNumber(), errors);
        MemberRules.checkDateOfBirth(req.dateOfBirth(), m.joinedOn, today, errors);
        boolean leaving = req.status() != MemberStatus.ACTIVE;
        if (leaving) {
            if (req.leftOn() == null) {
                errors.add(new Problem.FieldError("leftOn", "is required when status is " + req.status()));
            } else if (req.leftOn().isAfter(today)) {
                errors.add(new Problem.FieldError("leftOn", "must not be in the future"));
            }
        } else {
            if (req.leftOn() != null) {
                errors.add(new Problem.FieldError("leftOn", "must be absent while the member is ACTIVE"));
            }
            if (req.leaveReason() != null) {
                errors.add(new Problem.FieldError("leaveReason", "must be absent while the member is ACTIVE"));
            }
        }
        failIfAny(errors);
        if (m.status != MemberStatus.ACTIVE && !leaving) {
            throw ApiProblem.conflict("Member " + id + " is " + m.status
                    + " and cannot become ACTIVE again; register the person as a new member");
        }
        // One booking of the stays' figures, old state out and new state in: a departure changes the last stay,
        // and a corrected gender or date of birth moves every stay in the figures by person attribute.
        boolean recordChanges = m.gender != req.gender() || !Objects.equals(m.dateOfBirth, req.dateOfBirth())
                || !Objects.equals(m.nationality, identity.nationality());
        List<MembershipPeriod> stays = leaving || recordChanges ? periods.listByMember(m) : List.of();
        List<MembershipSpan> before = stays.stream().map(p -> span(p, m)).toList();
        if (leaving) {
            // Closing (or, for a member already gone, correcting) the last period keeps history and status in step.
            MembershipPeriod period = m.status == MemberStatus.ACTIVE
                    ? periods.findOpen(m).orElseThrow(() -> missingPeriod(id))
                    : periods.findLatest(m).orElseThrow(() -> missingPeriod(id));
            if (!req.leftOn().isAfter(period.startOn)) {
                throw ApiProblem.conflict("leftOn " + req.leftOn() + " must be after the start of the member's "
                        + "current period in their grassroots union (" + period.startOn + ")");
            }
            period.endOn = req.leftOn();
            period.endReason = PeriodEndReason.valueOf(req.status().name());
            // A union cannot be chaired by someone who is no longer a member.
            members.clearChairOf(id, m.grassrootsUnionId);
        } else {
            checkNotDuplicate(identity, id, reach);
        }

        m.fullName = req.fullName().trim();
        m.dateOfBirth = req.dateOfBirth();
        m.gender = req.gender();
        m.nationality = identity.nationality();
        m.nationalId = identity.nationalId();
        m.passportNumber = identity.passportNumber();
        m.phone = blankToNull(req.phone());
        m.email = blankToNull(req.email());
        m.status = req.status();
        m.leftOn = leaving ? req.leftOn() : null;
        m.leaveReason = leaving ? blankToNull(req.leaveReason()) : null;
        if (!stays.isEmpty()) {
            // period is one of stays (the same managed entity), so its new end is in the new state.
            ledger.membershipsChanged(before, stays.stream().map(p -> span(p, m)).toList());
        }
        members.flush();
        return respond(m);
    }

    void delete(long id, Reach reach) {
        Member m = members.getForWrite(id, reach);
        members.clearChair(id);
        classifications.deleteByMember(m);
        ledger.membershipsChanged(periods.listByMember(m).stream().map(p -> span(p, m)).toList(), List.of());
        periods.deleteByMember(m);
        members.delete(m);
    }

    MemberResponse transfer(long id, MemberTransferRequest req, String ifMatch, Reach reach) {
        Member m = members.getForWrite(id, reach);
        ETags.checkIfMatch(ifMatch, m.version);
        LocalDate today = Today.date();
        List<Problem.FieldError> errors = new ArrayList<>();
        GrassrootsUnion target = grassrootsUnions.findForWrite(req.toGrassrootsUnionId(), reach, false).orElse(null);
        if (target == null) {
            errors.add(new Problem.FieldError("toGrassrootsUnionId",
                    "no grassroots union with id " + req.toGrassrootsUnionId()));
        }
        if (req.effectiveOn().isAfter(today)) {
            errors.add(new Problem.FieldError("effectiveOn", "must not be in the future"));
        }
        failIfAny(errors);
        if (m.status != MemberStatus.ACTIVE) {
            throw ApiProblem.conflict("Member " + id + " is " + m.status + "; only ACTIVE members can be transferred");
        }
        if (target.id.equals(m.grassrootsUnionId)) {
            throw ApiProblem.conflict("Member " + id + " already belongs to grassroots union " + target.id);
        }
        MembershipPeriod current = periods.findOpen(m).orElseThrow(() -> missingPeriod(id));
        if (!req.effectiveOn().isAfter(current.startOn)) {
            throw ApiProblem.conflict("effectiveOn " + req.effectiveOn() + " must be after the start of the "
                    + "member's current period (" + current.startOn + ")");
        }
        if (!activeOn(target, req.effectiveOn())) {
            throw ApiProblem.conflict("Grassroots union " + target.id + " is not active on " + req.effectiveOn());
        }
        // A chair who leaves the union is no longer its chair.
        members.clearChairOf(id, m.grassrootsUnionId);
        MembershipSpan before = span(current, m);
        current.endOn = req.effectiveOn();
        current.endReason = PeriodEndReason.TRANSFER;
        MembershipPeriod next = MembershipPeriod.of(m, target.id, req.effectiveOn());
        periods.persist(next);
        m.grassrootsUnionId = target.id;
        members.flush();
        ledger.membershipsChanged(List.of(before), List.of(span(current, m), span(next, m)));
        return MemberResponse.of(m, target.name);
    }

    List<MembershipPeriodResponse> history(long id, Reach reach) {
        return periods.historyWithUnions(members.get(id, reach)).stream().map(row -> {
            MembershipPeriod p = (MembershipPeriod) row[0];
            return new MembershipPeriodResponse(p.grassrootsUnionId, (String) row[1], (String) row[2],
                    p.startOn, p.endOn, p.endReason);
        }).toList();
    }

    ClassificationResponse classify(long id, String yearText, ClassificationRequest req, Reach reach) {
        Member m = members.getForWrite(id, reach);
        int year;
        try {
            year = Integer.parseInt(yearText.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid("year", "must be a year such as 2024");
        }
        int current = Today.date().getYear();
        if (year < m.joinedOn.getYear() || year > current) {
            throw ApiProblem.invalid("year", "must be between " + m.joinedOn.getYear()
                    + " (the year the member joined) and " + current);
        }
        MemberClassification c = classifications.findOfYear(m, year).orElse(null);
        if (c == null) {
            c = new MemberClassification();
            c.key = new MemberClassification.Key(id, year);
            c.classification = req.classification();
            classifications.persist(c);
        } else {
            c.classification = req.classification();
        }
        classifications.flush();
        return ClassificationResponse.of(c);
    }

    List<ClassificationResponse> classifications(long id, Reach reach) {
        return classifications.listByMember(members.get(id, reach)).stream().map(ClassificationResponse::of).toList();
    }

    private MemberResponse respond(Member m) {
        return MemberResponse.of(m, members.grassrootsUnionNames(List.of(m.grassrootsUnionId)).get(m.grassrootsUnionId));
    }

    private static IllegalStateException missingPeriod(long memberId) {
        return new IllegalStateException("member " + memberId + " has no membership period");
    }

    /** A union takes members on a date when it exists then; a DISSOLVED one without a date takes none. */
    private static boolean activeOn(GrassrootsUnion union, LocalDate date) {
        if (union.status == GrassrootsUnionStatus.DISSOLVED && union.dissolvedOn == null) {
            return false;
        }
        return union.isActiveOn(date);
    }

    /**
     * One ACTIVE membership per person, in the whole country. The answer names the existing member only to a
     * caller who reaches them: to others it says where not, so that it reveals no one's record.
     */
    private void checkNotDuplicate(MemberRules.Identity identity, Long selfId, Reach reach) {
        String key = Member.identityKeyOf(identity.nationalId(), identity.nationality(), identity.passportNumber());
        members.findActiveByIdentityKey(key, selfId).ifPresent(existing -> {
            boolean byNationalId = identity.nationalId() != null;
            String papers = byNationalId ? "national ID" : "nationality and passport number";
            String field = byNationalId ? "nationalId" : "passportNumber";
            if (!members.reaches(existing, reach)) {
                throw ApiProblem.duplicate(field, "An ACTIVE member with this " + papers
                        + " already exists in a grassroots union outside your reach; a transfer between them is "
                        + "made by an officer who reaches both", null);
            }
            throw ApiProblem.duplicate(field, "An ACTIVE member with this " + papers
                    + " already exists (member " + existing.id + ", card " + existing.cardNumber + ")", existing.id);
        });
    }

    private static void failIfAny(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

}
