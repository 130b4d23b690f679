package vn.doanvien.sync;

import vn.doanvien.security.Reach;
import vn.doanvien.sync.SyncPlanner.Plan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.TextNormalizer;
import vn.doanvien.figures.MembershipLedger;
import vn.doanvien.figures.MembershipSpan;
import vn.doanvien.member.Gender;
import vn.doanvien.member.Member;
import vn.doanvien.member.MemberStatus;
import vn.doanvien.member.MembershipPeriod;
import vn.doanvien.member.PeriodEndReason;

/**
 * Bulk upsert of members in one transaction. Every item is planned against the registry as it stands and against
 * the items before it ({@link SyncPlanner}); a rejected item writes nothing, the others are written together:
 * new members with JDBC batches, changes through the entities, and the membership figures once for the whole
 * batch.
 */
@ApplicationScoped
@Transactional
public class MemberSyncService {

    public static final int MAX_ITEMS = 1000;

    private final SyncRepository repository;
    private final MemberInsertRepository inserts;
    private final SyncPlanner planner;
    private final MembershipLedger ledger;
    private final ChangeRecorder changes;

    MemberSyncService(SyncRepository repository, MemberInsertRepository inserts, SyncPlanner planner,
                      MembershipLedger ledger, ChangeRecorder changes) {
        this.repository = repository;
        this.inserts = inserts;
        this.planner = planner;
        this.ledger = ledger;
        this.changes = changes;
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
        return SyncMembersResponse.of(upsert(owner, request.members(), reach, new EarlierItems.InRequest()));
    }

    /**
     * Runs the items in the current transaction and answers one result per item, in order. An item that names a
     * grassroots union outside the units the caller may write in, or matches a member who belongs to one, is
     * REJECTED (403).
     */
    List<SyncMembersResponse.Item> upsert(Long owner, List<SyncMemberItem> items, Reach reach,
                                          EarlierItems earlier) {
        return write(owner, planner.plan(owner, items, reach, earlier).plans());
    }

    /** What {@link #upsert} would answer for the items, writing nothing (an import's dry run). */
    List<SyncMembersResponse.Item> preview(Long owner, List<SyncMemberItem> items, Reach reach,
                                           EarlierItems earlier) {
        List<SyncMembersResponse.Item> results = new ArrayList<>(items.size());
        for (Plan p : planner.plan(owner, items, reach, earlier).plans()) {
            Member m = p.target;
            results.add(new SyncMembersResponse.Item(p.index, p.outcome(), m == null ? null : m.id,
                    m == null ? null : m.cardNumber, p.item == null ? null : p.item.externalId(), p.problem));
        }
        return results;
    }

    /** Writes the accepted plans and answers every item. */
    private List<SyncMembersResponse.Item> write(Long owner, List<Plan> plans) {
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
        inserts.insert(created, createdPeriods);
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
                MembershipPeriod current = p.open;
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
                    m.leaveReason = SyncPlanner.blankToNull(p.item.leaveReason());
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
        m.phone = SyncPlanner.blankToNull(item.phone());
        m.email = SyncPlanner.blankToNull(item.email());
        m.grassrootsUnionId = item.grassrootsUnionId();
        m.joinedOn = item.joinedOn();
        m.status = item.leftOn() == null ? MemberStatus.ACTIVE : p.leaveStatus;
        m.activeIdentityKey = m.status == MemberStatus.ACTIVE ? m.identityKey : null;
        m.leftOn = item.leftOn();
        m.leaveReason = item.leftOn() == null ? null : SyncPlanner.blankToNull(item.leaveReason());
        if (item.externalId() != null) {
            m.externalOwnerId = owner;
            m.externalId = item.externalId();
        }
        return m;
    }

    private static void applyFields(Member m, Plan p, Long owner) {
        SyncMemberItem item = p.item;
        m.fullName = item.fullName().trim();
        m.dateOfBirth = item.dateOfBirth();
        m.gender = item.gender();
        m.nationality = p.identity.nationality();
        m.nationalId = p.identity.nationalId();
        m.passportNumber = p.identity.passportNumber();
        m.phone = SyncPlanner.blankToNull(item.phone());
        m.email = SyncPlanner.blankToNull(item.email());
        if (item.externalId() != null) {
            m.externalOwnerId = owner;
            m.externalId = item.externalId();
        }
    }

}
