package vn.doanvien.member;

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
        return new MembershipSpan(p.grassrootsUnionId, p.startOn, p.startOn.isAfter(m.joinedOn), p.endOn,
                p.endReason == PeriodEndReason.TRANSFER, Gender.nameOf(m.gender), m.dateOfBirth);
    }

    MemberResponse create(MemberCreateRequest req) {
        LocalDate today = Today.date();
        List<Problem.FieldError> errors = new ArrayList<>();
        MemberRules.Identity identity = MemberRules.identity(req.nationality(), req.nationalId(), req.passportNumber(), errors);
        if (req.joinedOn().isAfter(today)) {
            errors.add(new Problem.FieldError("joinedOn", "must not be in the future"));
        }
        MemberRules.checkDateOfBirth(req.dateOfBirth(), req.joinedOn(), today, errors);
        GrassrootsUnion union = grassrootsUnions.findById(req.grassrootsUnionId());
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
        checkNotDuplicate(identity, null);

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

    Page<MemberResponse> list(MemberFilter filter, PageRequest page) {
        List<Long> unitIds = null;
        if (filter.unitId() != null) {
            unitIds = units.subtreeIds(filter.unitId(), Today.date());
            if (unitIds.isEmpty()) {
                return Page.of(List.of(), page, 0);
            }
        }
        var query = members.search(filter, unitIds, page.sort());
        long total = query.count();
        List<Member> items = query.page(page.page(), page.size()).list();
        Map<Long, String> names = members.grassrootsUnionNames(
                items.stream().map(m -> m.grassrootsUnionId).distinct().toList());
        return Page.of(items.stream().map(m -> MemberResponse.of(m, names.get(m.grassrootsUnionId))).toList(),
                page, total);
    }

    MemberResponse get(long id) {
        return respond(load(id));
    }

    MemberResponse update(long id, MemberUpdateRequest req, String ifMatch) {
        Member m = loadForWrite(id);
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
        boolean recordChanges = m.gender != req.gender() || !Objects.equals(m.dateOfBirth, req.dateOfBirth());
        List<MembershipPeriod> stays = leaving || recordChanges ? periods.list("memberId", id) : List.of();
        List<MembershipSpan> before = stays.stream().map(p -> span(p, m)).toList();
        if (leaving) {
            // Closing (or, for a member already gone, correcting) the last period keeps history and status in step.
            MembershipPeriod period = m.status == MemberStatus.ACTIVE
                    ? periods.findOpen(id).orElseThrow(() -> missingPeriod(id))
                    : periods.findLatest(id).orElseThrow(() -> missingPeriod(id));
            if (!req.leftOn().isAfter(period.startOn)) {
                throw ApiProblem.conflict("leftOn " + req.leftOn() + " must be after the start of the member's "
                        + "current period in their grassroots union (" + period.startOn + ")");
            }
            period.endOn = req.leftOn();
            period.endReason = PeriodEndReason.valueOf(req.status().name());
            // A union cannot be chaired by someone who is no longer a member.
            members.clearChairOf(id, m.grassrootsUnionId);
        } else {
            checkNotDuplicate(identity, id);
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
        MembershipPeriod.bornOn(stays, m);
        if (!stays.isEmpty()) {
            // period is one of stays (the same managed entity), so its new end is in the new state.
            ledger.membershipsChanged(before, stays.stream().map(p -> span(p, m)).toList());
        }
        members.flush();
        return respond(m);
    }

    void delete(long id) {
        Member m = loadForWrite(id);
        members.clearChair(id);
        classifications.deleteByMember(id);
        ledger.membershipsChanged(periods.list("memberId", id).stream().map(p -> span(p, m)).toList(), List.of());
        periods.deleteByMember(id);
        members.delete(m);
    }

    MemberResponse transfer(long id, MemberTransferRequest req, String ifMatch) {
        Member m = loadForWrite(id);
        ETags.checkIfMatch(ifMatch, m.version);
        LocalDate today = Today.date();
        List<Problem.FieldError> errors = new ArrayList<>();
        GrassrootsUnion target = grassrootsUnions.findById(req.toGrassrootsUnionId());
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
        MembershipPeriod current = periods.findOpen(id).orElseThrow(() -> missingPeriod(id));
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

    List<MembershipPeriodResponse> history(long id) {
        load(id);
        return periods.historyWithUnions(id).stream().map(row -> {
            MembershipPeriod p = (MembershipPeriod) row[0];
            return new MembershipPeriodResponse(p.grassrootsUnionId, (String) row[1], (String) row[2],
                    p.startOn, p.endOn, p.endReason);
        }).toList();
    }

    ClassificationResponse classify(long id, String yearText, ClassificationRequest req) {
        Member m = load(id);
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
        MemberClassification.Key key = new MemberClassification.Key(id, year);
        MemberClassification c = classifications.findById(key);
        if (c == null) {
            c = new MemberClassification();
            c.key = key;
            c.classification = req.classification();
            classifications.persist(c);
        } else {
            c.classification = req.classification();
        }
        classifications.flush();
        return ClassificationResponse.of(c);
    }

    List<ClassificationResponse> classifications(long id) {
        load(id);
        return classifications.listByMember(id).stream().map(ClassificationResponse::of).toList();
    }

    /**
     * The member, its row locked until the transaction ends: edits, transfers and removals of one member run one
     * after the other, so none of them reads periods another is changing (a transfer racing a removal finds no
     * member, 404, instead of a member without periods).
     */
    private Member loadForWrite(long id) {
        Member m = members.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (m == null) {
            throw ApiProblem.notFound("Member", id);
        }
        return m;
    }

    private Member load(long id) {
        Member m = members.findById(id);
        if (m == null) {
            throw ApiProblem.notFound("Member", id);
        }
        return m;
    }

    private MemberResponse respond(Member m) {
        GrassrootsUnion union = grassrootsUnions.findById(m.grassrootsUnionId);
        return MemberResponse.of(m, union == null ? null : union.name);
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

    private void checkNotDuplicate(MemberRules.Identity identity, Long selfId) {
        String key = Member.identityKeyOf(identity.nationalId(), identity.nationality(), identity.passportNumber());
        members.findActiveByIdentityKey(key, selfId).ifPresent(existing -> {
            boolean byNationalId = identity.nationalId() != null;
            throw ApiProblem.duplicate(byNationalId ? "nationalId" : "passportNumber",
                    "An ACTIVE member with this " + (byNationalId ? "national ID" : "nationality and passport number")
                            + " already exists (member " + existing.id + ", card " + existing.cardNumber + ")",
                    existing.id);
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
