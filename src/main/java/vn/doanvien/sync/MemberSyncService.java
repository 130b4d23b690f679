package vn.doanvien.sync;

import vn.doanvien.security.Reach;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.Problem;
import vn.doanvien.common.TextNormalizer;
import vn.doanvien.common.Today;
import vn.doanvien.figures.MembershipLedger;
import vn.doanvien.figures.MembershipSpan;
import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.grassroots.GrassrootsUnionStatus;
import vn.doanvien.member.Gender;
import vn.doanvien.member.Member;
import vn.doanvien.member.MemberRules;
import vn.doanvien.member.MemberStatus;
import vn.doanvien.member.MembershipPeriod;
import vn.doanvien.member.PeriodEndReason;

/**
 * Bulk upsert of members in one transaction. Every item is checked against the registry as it stands and
 * against the items before it; a rejected item writes nothing, the others are written together: new members
 * with JDBC batches, changes through the entities, and the membership figures once for the whole batch.
 * <p>
 * Matching: an item with externalId is the member the sending unit gave that id; otherwise the ACTIVE member
 * with its national ID (or nationality and passport); otherwise a past member with those papers and the same
 * joinedOn (a departure sent again); otherwise a new member. A later item that names the same person or
 * externalId as an earlier one in the same request is rejected (409), whatever it says.
 */
@ApplicationScoped
@Transactional
public class MemberSyncService {

    public static final int MAX_ITEMS = 1000;

    private final SyncRepository repository;
    private final MembershipLedger ledger;
    private final ChangeRecorder changes;
    private final Validator validator;

    MemberSyncService(SyncRepository repository, MembershipLedger ledger, ChangeRecorder changes, Validator validator) {
        this.repository = repository;
        this.ledger = ledger;
        this.changes = changes;
        this.validator = validator;
    }

    /** What to do with one item, decided before anything is written. */
    private static final class Plan {
        final int index;
        final SyncMemberItem item;
        MemberRules.Identity identity;
        Problem problem;
        Member target;
        boolean create;
        boolean fieldsChange;
        boolean transfer;
        boolean leave;
        MemberStatus leaveStatus;

        Plan(int index, SyncMemberItem item) {
            this.index = index;
            this.item = item;
        }
    }

    public SyncMembersResponse sync(SyncMembersRequest request, Reach reach) {
        if (request == null || request.members() == null || request.members().isEmpty()) {
            throw ApiProblem.invalid("members", "must hold 1 to " + MAX_ITEMS + " members");
        }
        if (request.members().size() > MAX_ITEMS) {
            throw ApiProblem.invalid("members", "must hold at most " + MAX_ITEMS + " members, got "
                    + request.members().size() + "; split the list into several requests");
        }
        Long owner = request.upperLevelUnitId();
        if (owner != null && !repository.isUpperLevelUnion(owner)) {
            throw ApiProblem.invalid("upperLevelUnitId", "no upper-level union with id " + owner);
        }
        if (owner != null) {
            reach.requireWrite(owner, "unit " + owner);
        }
        return SyncMembersResponse.of(upsert(owner, request.members(), reach));
    }

    /**
     * Runs the items in the current transaction and answers one result per item, in order. An item that names a
     * grassroots union outside the units the caller may write in, or matches a member who belongs to one, is
     * REJECTED (403).
     */
    List<SyncMembersResponse.Item> upsert(Long owner, List<SyncMemberItem> items, Reach callerReach) {
        Set<Long> reach = callerReach.writableUnits();
        LocalDate today = Today.date();
        List<Plan> plans = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Plan p = new Plan(i, items.get(i));
            plans.add(p);
            validate(p, owner, today);
        }
        // One query for every person and external id of the batch, one for their grassroots unions.
        Set<String> keys = new LinkedHashSet<>();
        Set<String> externalIds = new LinkedHashSet<>();
        Set<Long> unionIds = new HashSet<>();
        for (Plan p : plans) {
            if (p.problem == null) {
                keys.add(p.identity.key());
                if (p.item.externalId() != null) {
                    externalIds.add(p.item.externalId());
                }
                unionIds.add(p.item.grassrootsUnionId());
            }
        }
        Map<String, Member> activeByKey = new HashMap<>();
        Map<String, List<Member>> pastByKey = new HashMap<>();
        Map<String, Member> byExternalId = new HashMap<>();
        for (Member m : repository.membersMatching(keys, owner, externalIds)) {
            if (m.status == MemberStatus.ACTIVE) {
                activeByKey.put(m.identityKey, m);
            } else {
                pastByKey.computeIfAbsent(m.identityKey, k -> new ArrayList<>()).add(m);
            }
            if (m.externalId != null && Objects.equals(m.externalOwnerId, owner)) {
                byExternalId.put(m.externalId, m);
            }
        }
        if (reach != null) {
            // the unions the matched members belong to now, to keep an officer's items inside their reach
            activeByKey.values().forEach(m -> unionIds.add(m.grassrootsUnionId));
            pastByKey.values().forEach(ms -> ms.forEach(m -> unionIds.add(m.grassrootsUnionId)));
            byExternalId.values().forEach(m -> unionIds.add(m.grassrootsUnionId));
        }
        Map<Long, GrassrootsUnion> unions = new HashMap<>();
        repository.grassrootsUnions(unionIds).forEach(g -> unions.put(g.id, g));

        Map<String, Integer> seenKeys = new HashMap<>();
        Map<String, Integer> seenExternal = new HashMap<>();
        Map<Long, Integer> seenMembers = new HashMap<>();
        for (Plan p : plans) {
            if (p.problem != null) {
                continue;
            }
            String key = p.identity.key();
            Integer earlier = seenKeys.get(key);
            if (earlier == null && p.item.externalId() != null) {
                earlier = seenExternal.get(p.item.externalId());
            }
            if (earlier != null) {
                p.problem = conflict("Item " + earlier + " of this request already names this member "
                        + "(same papers or externalId); later duplicates are rejected", null);
                continue;
            }
            seenKeys.put(key, p.index);
            if (p.item.externalId() != null) {
                seenExternal.put(p.item.externalId(), p.index);
            }
            decide(p, activeByKey, pastByKey, byExternalId, unions, reach, today);
            if (p.problem == null && p.target != null) {
                Integer same = seenMembers.putIfAbsent(p.target.id, p.index);
                if (same != null) {
                    p.problem = conflict("Item " + same + " of this request already names member " + p.target.id
                            + "; later duplicates are rejected", p.target.id);
                }
            }
        }
        return write(owner, plans, unions);
    }

    private void validate(Plan p, Long owner, LocalDate today) {
        SyncMemberItem item = p.item;
        if (item == null) {
            p.problem = ApiProblem.invalid("members[" + p.index + "]", "must not be null").toProblem(null);
            return;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<SyncMemberItem> v : validator.validate(item)) {
            errors.add(new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()));
        }
        p.identity = MemberRules.identity(item.nationality(), item.nationalId(), item.passportNumber(), errors);
        if (item.joinedOn() != null && item.joinedOn().isAfter(today)) {
            errors.add(new Problem.FieldError("joinedOn", "must not be in the future"));
        }
        MemberRules.checkDateOfBirth(item.dateOfBirth(), item.joinedOn(), today, errors);
        if (item.externalId() != null && owner == null) {
            errors.add(new Problem.FieldError("externalId", "needs upperLevelUnitId in the request, the unit that owns it"));
        }
        if (item.externalId() != null && item.externalId().isBlank()) {
            errors.add(new Problem.FieldError("externalId", "must not be blank"));
        }
        if (item.transferredOn() != null && item.transferredOn().isAfter(today)) {
            errors.add(new Problem.FieldError("transferredOn", "must not be in the future"));
        }
        if (item.leftOn() != null) {
            if (item.leftOn().isAfter(today)) {
                errors.add(new Problem.FieldError("leftOn", "must not be in the future"));
            } else if (item.joinedOn() != null && !item.leftOn().isAfter(item.joinedOn())) {
                errors.add(new Problem.FieldError("leftOn", "must be after joinedOn"));
            }
            if (item.status() == MemberStatus.ACTIVE) {
                errors.add(new Problem.FieldError("status", "must be LEFT, DECEASED or EXPELLED when leftOn is given"));
            }
        } else {
            if (item.status() != null && item.status() != MemberStatus.ACTIVE) {
                errors.add(new Problem.FieldError("leftOn", "is required when status is " + item.status()));
            }
            if (item.leaveReason() != null && !item.leaveReason().isBlank()) {
                errors.add(new Problem.FieldError("leaveReason", "must be absent without leftOn"));
            }
        }
        if (!errors.isEmpty()) {
            p.problem = ApiProblem.invalid(errors).toProblem(null);
        }
    }

    private void decide(Plan p, Map<String, Member> activeByKey, Map<String, List<Member>> pastByKey,
                        Map<String, Member> byExternalId, Map<Long, GrassrootsUnion> unions, Set<Long> reach,
                        LocalDate today) {
        SyncMemberItem item = p.item;
        String key = p.identity.key();
        Member active = activeByKey.get(key);
        Member byExt = item.externalId() == null ? null : byExternalId.get(item.externalId());
        // An officer's item is refused before anything about members outside their reach is said.
        p.problem = outsideReach(unions.get(item.grassrootsUnionId()), unions, reach, active, byExt);
        if (p.problem != null) {
            return;
        }
        Member target;
        if (byExt != null) {
            if (active != null && !active.id.equals(byExt.id)) {
                p.problem = conflict("externalId " + item.externalId() + " is member " + byExt.id
                        + ", but these papers belong to the ACTIVE member " + active.id, active.id);
                return;
            }
            target = byExt;
        } else if (active != null) {
            if (item.externalId() != null && active.externalId != null && active.externalOwnerId != null
                    && !active.externalId.equals(item.externalId())) {
                p.problem = conflict("Member " + active.id + " with these papers has externalId "
                        + active.externalId + ", not " + item.externalId(), active.id);
                return;
            }
            target = active;
        } else {
            target = pastByKey.getOrDefault(key, List.of()).stream()
                    .filter(m -> m.joinedOn.equals(item.joinedOn()))
                    .max(Comparator.comparing(m -> m.id)).orElse(null);
            p.problem = outsideReach(null, unions, reach, target);
            if (p.problem != null) {
                return;
            }
        }
        GrassrootsUnion union = unions.get(item.grassrootsUnionId());
        if (union == null) {
            p.problem = ApiProblem.invalid("grassrootsUnionId", "no grassroots union with id "
                    + item.grassrootsUnionId()).toProblem(null);
            return;
        }
        p.leaveStatus = item.leftOn() == null ? null : item.status() == null ? MemberStatus.LEFT : item.status();
        if (target == null) {
            if (!activeOn(union, item.joinedOn())) {
                p.problem = conflict("Grassroots union " + union.id + " is not active on " + item.joinedOn(), null);
                return;
            }
            p.create = true;
            return;
        }
        p.target = target;
        if (!target.joinedOn.equals(item.joinedOn())) {
            p.problem = conflict("Member " + target.id + " joined on " + target.joinedOn + ", not "
                    + item.joinedOn() + "; a joining date is corrected with PUT /api/v1/members/{id}", target.id);
            return;
        }
        if (target.status != MemberStatus.ACTIVE) {
            if (item.leftOn() == null) {
                p.problem = conflict("Member " + target.id + " is " + target.status + " since " + target.leftOn
                        + " and cannot become ACTIVE again; send the person with a new joinedOn", target.id);
                return;
            }
            if (!item.leftOn().equals(target.leftOn) || p.leaveStatus != target.status
                    || !item.grassrootsUnionId().equals(target.grassrootsUnionId)) {
                p.problem = conflict("Member " + target.id + " left " + target.grassrootsUnionId + " on "
                        + target.leftOn + " (" + target.status + "); a past departure is corrected with "
                        + "PUT /api/v1/members/{id}", target.id);
                return;
            }
            p.fieldsChange = fieldsDiffer(target, item, p.identity, target.externalOwnerId);
            return;
        }
        p.transfer = !item.grassrootsUnionId().equals(target.grassrootsUnionId);
        p.leave = item.leftOn() != null;
        p.fieldsChange = fieldsDiffer(target, item, p.identity, target.externalOwnerId);
        if (p.transfer) {
            if (item.transferredOn() == null) {
                p.problem = ApiProblem.invalid("transferredOn", "is required: the member is in grassroots union "
                        + target.grassrootsUnionId + ", not " + item.grassrootsUnionId()).toProblem(null);
                return;
            }
            if (!activeOn(union, item.transferredOn())) {
                p.problem = conflict("Grassroots union " + union.id + " is not active on " + item.transferredOn(), null);
                return;
            }
            if (p.leave && !item.leftOn().isAfter(item.transferredOn())) {
                p.problem = ApiProblem.invalid("leftOn", "must be after transferredOn").toProblem(null);
            }
        }
    }

    /**
     * A 403 problem when there is a reach and the item's union, or the union of a member it matches, lies
     * outside it; else null.
     */
    private static Problem outsideReach(GrassrootsUnion to, Map<Long, GrassrootsUnion> unions, Set<Long> reach,
                                        Member... matched) {
        if (reach == null) {
            return null;
        }
        if (to != null && !reach.contains(to.upperLevelUnitId)) {
            return forbidden("grassroots union " + to.id + " lies outside your reach");
        }
        for (Member m : matched) {
            GrassrootsUnion from = m == null ? null : unions.get(m.grassrootsUnionId);
            if (m != null && (from == null || !reach.contains(from.upperLevelUnitId))) {
                return forbidden("this person is a member of a grassroots union outside your reach");
            }
        }
        return null;
    }

    private static Problem forbidden(String detail) {
        return new ApiProblem(403, "forbidden", "Forbidden", "Your role reaches only the subtree of your unit; "
                + detail, null, null).toProblem(null);
    }

    /** Writes the accepted plans and answers every item. */
    private List<SyncMembersResponse.Item> write(Long owner, List<Plan> plans, Map<Long, GrassrootsUnion> unions) {
        List<Member> created = new ArrayList<>();
        List<MembershipPeriod> createdPeriods = new ArrayList<>();
        List<MembershipSpan> before = new ArrayList<>();
        List<MembershipSpan> after = new ArrayList<>();
        Map<Plan, Member> createdBy = new HashMap<>();
        for (Plan p : plans) {
            if (p.problem == null && p.create) {
                Member m = newMember(p, owner);
                created.add(m);
                createdBy.put(p, m);
                MembershipPeriod period = MembershipPeriod.of(m, m.grassrootsUnionId, m.joinedOn);
                period.endOn = m.leftOn;
                period.endReason = m.leftOn == null ? null : PeriodEndReason.valueOf(m.status.name());
                createdPeriods.add(period);
            }
        }
        // Open periods of the members that move or leave, in one query.
        List<Long> moving = plans.stream().filter(p -> p.problem == null && (p.transfer || p.leave))
                .map(p -> p.target.id).toList();
        Map<Long, MembershipPeriod> open = new HashMap<>();
        repository.openPeriods(moving).forEach(period -> open.put(period.memberId, period));
        for (Plan p : plans) {
            if (p.problem != null || !(p.transfer || p.leave)) {
                continue;
            }
            MembershipPeriod current = open.get(p.target.id);
            LocalDate change = p.transfer ? p.item.transferredOn() : p.item.leftOn();
            if (current == null || !change.isAfter(current.startOn)) {
                p.problem = conflict((p.transfer ? "transferredOn " : "leftOn ") + change + " must be after the start "
                        + "of the member's current period" + (current == null ? "" : " (" + current.startOn + ")"),
                        p.target.id);
            }
        }
        repository.insert(created, createdPeriods);
        for (int i = 0; i < created.size(); i++) {
            Member m = created.get(i);
            MembershipPeriod period = createdPeriods.get(i);
            after.add(new MembershipSpan(m.grassrootsUnionId, period.startOn, false, period.endOn, false,
                    Gender.nameOf(m.gender), m.dateOfBirth, m.nationality));
            changes.member(m.id, ChangeOperation.CREATED, m.grassrootsUnionId, null);
        }
        List<Long> leavingUnions = new ArrayList<>();
        List<SyncMembersResponse.Item> results = new ArrayList<>(plans.size());
        for (Plan p : plans) {
            if (p.problem != null) {
                results.add(new SyncMembersResponse.Item(p.index, SyncOutcome.REJECTED, null, null,
                        p.item == null ? null : p.item.externalId(), p.problem));
                continue;
            }
            if (p.create) {
                Member m = createdBy.get(p);
                results.add(new SyncMembersResponse.Item(p.index, SyncOutcome.CREATED, m.id, m.cardNumber,
                        m.externalId, null));
                continue;
            }
            Member m = p.target;
            if (!(p.fieldsChange || p.transfer || p.leave)) {
                results.add(new SyncMembersResponse.Item(p.index, SyncOutcome.UNCHANGED, m.id, m.cardNumber,
                        m.externalId, null));
                continue;
            }
            // The figures by dimension follow the member's record: a correction of gender, date of birth or
            // nationality moves all of the member's stays, as stored before this item's transfer or departure, in
            // the same booking.
            boolean recordChanges = m.gender != p.item.gender()
                    || !Objects.equals(m.dateOfBirth, p.item.dateOfBirth())
                    || !Objects.equals(m.nationality, p.identity.nationality());
            List<MembershipPeriod> stays = recordChanges ? repository.periodsOf(m.id) : List.of();
            stays.forEach(period -> before.add(span(period, m)));
            applyFields(m, p, owner);
            stays.forEach(period -> after.add(span(period, m)));
            if (p.transfer || p.leave) {
                MembershipPeriod current = open.get(m.id);
                before.add(span(current, m));
                MembershipPeriod last = current;
                if (p.transfer) {
                    current.endOn = p.item.transferredOn();
                    current.endReason = PeriodEndReason.TRANSFER;
                    MembershipPeriod next = MembershipPeriod.of(m, p.item.grassrootsUnionId(),
                            p.item.transferredOn());
                    next.persist();
                    after.add(span(current, m));
                    m.grassrootsUnionId = next.grassrootsUnionId;
                    last = next;
                }
                if (p.leave) {
                    last.endOn = p.item.leftOn();
                    last.endReason = PeriodEndReason.valueOf(p.leaveStatus.name());
                    m.status = p.leaveStatus;
                    m.leftOn = p.item.leftOn();
                    m.leaveReason = blankToNull(p.item.leaveReason());
                }
                after.add(span(last, m));
                leavingUnions.add(m.id);
            }
            results.add(new SyncMembersResponse.Item(p.index, SyncOutcome.UPDATED, m.id, m.cardNumber,
                    m.externalId, null));
        }
        // A member who leaves a union no longer chairs it.
        repository.chairedBy(leavingUnions).forEach(g -> g.chairMemberId = null);
        ledger.membershipsChanged(before, after);
        return results;
    }

    private static MembershipSpan span(MembershipPeriod p, Member m) {
        return p.span(m);
    }

    private static Member newMember(Plan p, Long owner) {
        SyncMemberItem item = p.item;
        Member m = new Member();
        m.fullName = item.fullName().trim();
        m.searchText = TextNormalizer.searchText(m.fullName);
        m.dateOfBirth = item.dateOfBirth();
        m.gender = item.gender();
        m.nationality = p.identity.nationality();
        m.nationalId = p.identity.nationalId();
        m.passportNumber = p.identity.passportNumber();
        m.identityKey = p.identity.key();
        m.phone = blankToNull(item.phone());
        m.email = blankToNull(item.email());
        m.grassrootsUnionId = item.grassrootsUnionId();
        m.joinedOn = item.joinedOn();
        m.status = item.leftOn() == null ? MemberStatus.ACTIVE : p.leaveStatus;
        m.activeIdentityKey = m.status == MemberStatus.ACTIVE ? m.identityKey : null;
        m.leftOn = item.leftOn();
        m.leaveReason = item.leftOn() == null ? null : blankToNull(item.leaveReason());
        if (item.externalId() != null) {
            m.externalOwnerId = owner;
            m.externalId = item.externalId();
        }
        return m;
    }

    private static boolean fieldsDiffer(Member m, SyncMemberItem item, MemberRules.Identity id, Long owner) {
        return !m.fullName.equals(item.fullName().trim())
                || !Objects.equals(m.dateOfBirth, item.dateOfBirth())
                || m.gender != item.gender()
                || !Objects.equals(m.nationality, id.nationality())
                || !Objects.equals(m.nationalId, id.nationalId())
                || !Objects.equals(m.passportNumber, id.passportNumber())
                || !Objects.equals(m.phone, blankToNull(item.phone()))
                || !Objects.equals(m.email, blankToNull(item.email()))
                || (item.externalId() != null && !item.externalId().equals(m.externalId));
    }

    private static void applyFields(Member m, Plan p, Long owner) {
        SyncMemberItem item = p.item;
        m.fullName = item.fullName().trim();
        m.dateOfBirth = item.dateOfBirth();
        m.gender = item.gender();
        m.nationality = p.identity.nationality();
        m.nationalId = p.identity.nationalId();
        m.passportNumber = p.identity.passportNumber();
        m.phone = blankToNull(item.phone());
        m.email = blankToNull(item.email());
        if (item.externalId() != null) {
            m.externalOwnerId = owner;
            m.externalId = item.externalId();
        }
    }

    /** A union takes members on a date when it exists then; a DISSOLVED one without a date takes none. */
    private static boolean activeOn(GrassrootsUnion union, LocalDate date) {
        if (union.status == GrassrootsUnionStatus.DISSOLVED && union.dissolvedOn == null) {
            return false;
        }
        return union.isActiveOn(date);
    }

    private static Problem conflict(String detail, Long existingId) {
        return new ApiProblem(409, "conflict", "Conflict", detail, null, existingId).toProblem(null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
