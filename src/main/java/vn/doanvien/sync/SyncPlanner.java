package vn.doanvien.sync;

import jakarta.enterprise.context.ApplicationScoped;
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
import vn.doanvien.common.Today;
import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.grassroots.GrassrootsUnionStatus;
import vn.doanvien.member.Member;
import vn.doanvien.member.MemberRules;
import vn.doanvien.member.MemberStatus;
import vn.doanvien.member.MembershipPeriod;
import vn.doanvien.security.Reach;

/**
 * Decides what a batch of member items does to the registry, writing nothing: which items create a member,
 * which change one (fields, a transfer, a departure), which change nothing and which are rejected and why.
 * {@link MemberSyncService} writes the plans; an import's dry run reports them.
 * <p>
 * Matching: an item with externalId is the member the sending unit gave that id; otherwise the ACTIVE member
 * with its national ID (or nationality and passport); otherwise a past member with those papers and the same
 * joinedOn (a departure sent again); otherwise a new member. A later item that names the same person or
 * externalId as an earlier one (of the same request, or of the same file for an import) is rejected (409),
 * whatever it says.
 */
@ApplicationScoped
class SyncPlanner {

    private final SyncRepository repository;
    private final Validator validator;

    SyncPlanner(SyncRepository repository, Validator validator) {
        this.repository = repository;
        this.validator = validator;
    }

    /** What to do with one item, decided before anything is written. */
    static final class Plan {
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
        /** The member's open period, for a transfer or a departure. */
        MembershipPeriod open;

        Plan(int index, SyncMemberItem item) {
            this.index = index;
            this.item = item;
        }

        SyncOutcome outcome() {
            if (problem != null) {
                return SyncOutcome.REJECTED;
            }
            if (create) {
                return SyncOutcome.CREATED;
            }
            return fieldsChange || transfer || leave ? SyncOutcome.UPDATED : SyncOutcome.UNCHANGED;
        }
    }

    /** The plans of a batch and the grassroots unions they name. */
    record Planned(List<Plan> plans, Map<Long, GrassrootsUnion> unions) {
    }

    /** Plans the items against the registry as it stands, in the caller's reach. */
    Planned plan(Long owner, List<SyncMemberItem> items, Reach callerReach, EarlierItems earlier) {
        Set<Long> reach = callerReach.writableUnits();
        LocalDate today = Today.date();
        List<Plan> plans = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Plan p = new Plan(i, items.get(i));
            plans.add(p);
            SyncItemRules.Checked checked = SyncItemRules.check(p.item, p.index, owner, today, validator);
            p.identity = checked.identity();
            p.problem = checked.problem();
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
        for (Member m : keys.isEmpty() && externalIds.isEmpty() ? List.<Member>of()
                : repository.membersMatching(keys, owner, externalIds)) {
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
        if (!unionIds.isEmpty()) {
            repository.grassrootsUnions(unionIds).forEach(g -> unions.put(g.id, g));
        }
        for (Plan p : plans) {
            if (p.problem != null) {
                continue;
            }
            String key = p.identity.key();
            String before = earlier.byKey(key);
            if (before == null && p.item.externalId() != null) {
                before = earlier.byExternalId(p.item.externalId());
            }
            if (before != null) {
                p.problem = conflict(before + " already names this member (same papers or externalId); later "
                        + "duplicates are rejected", null);
                continue;
            }
            earlier.add(p.index, key, p.item.externalId(), null);
            decide(p, activeByKey, pastByKey, byExternalId, unions, reach, today);
            if (p.problem == null && p.target != null) {
                String same = earlier.byMember(p.target.id);
                if (same != null) {
                    p.problem = conflict(same + " already names member " + p.target.id
                            + "; later duplicates are rejected", p.target.id);
                } else {
                    earlier.add(p.index, null, null, p.target.id);
                }
            }
        }
        checkOpenPeriods(plans);
        return new Planned(plans, unions);
    }

    /** A transfer or a departure must come after the start of the member's current period. */
    private void checkOpenPeriods(List<Plan> plans) {
        List<Long> moving = plans.stream().filter(p -> p.problem == null && (p.transfer || p.leave))
                .map(p -> p.target.id).toList();
        if (moving.isEmpty()) {
            return;
        }
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
            } else {
                p.open = current;
            }
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

    static boolean fieldsDiffer(Member m, SyncMemberItem item, MemberRules.Identity id, Long owner) {
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

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
