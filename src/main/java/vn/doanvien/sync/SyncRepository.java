package vn.doanvien.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Collection;
import java.util.List;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.member.Member;
import vn.doanvien.member.MembershipPeriod;
import vn.doanvien.security.PersonalData;
import vn.doanvien.security.audit.AuditTrail;

/** The queries and bulk writes of member sync: one round trip per batch, not per member. */
@ApplicationScoped
class SyncRepository {

    private final EntityManager em;
    private final AuditTrail audit;

    SyncRepository(EntityManager em, AuditTrail audit) {
        this.em = em;
        this.audit = audit;
    }

    /**
     * Every member (any status) holding one of the identity keys, or one of the sender's external ids: two
     * queries, each on its index (an OR of the two would scan the table).
     */
    List<Member> membersMatching(Collection<String> identityKeys, Long ownerId, Collection<String> externalIds) {
        java.util.Map<Long, Member> found = new java.util.LinkedHashMap<>();
        if (!identityKeys.isEmpty()) {
            em.createQuery("from Member m where m.identityKey in :keys", Member.class)
                    .setParameter("keys", identityKeys).getResultList().forEach(m -> found.put(m.id, m));
        }
        if (!externalIds.isEmpty()) {
            em.createQuery("from Member m where m.externalOwnerId = :owner and m.externalId in :ext", Member.class)
                    .setParameter("owner", ownerId).setParameter("ext", externalIds).getResultList()
                    .forEach(m -> found.put(m.id, m));
        }
        return new java.util.ArrayList<>(found.values());
    }

    List<GrassrootsUnion> grassrootsUnions(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from GrassrootsUnion g where g.id in :ids", GrassrootsUnion.class)
                .setParameter("ids", ids).getResultList();
    }

    /** The open membership periods of these members. */
    List<MembershipPeriod> openPeriods(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from MembershipPeriod p where p.memberId in :ids and p.endOn is null",
                MembershipPeriod.class).setParameter("ids", memberIds).getResultList();
    }

    /** The grassroots unions chaired by any of these members. */
    List<GrassrootsUnion> chairedBy(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from GrassrootsUnion g where g.chairMemberId in :ids", GrassrootsUnion.class)
                .setParameter("ids", memberIds).getResultList();
    }

    boolean isUpperLevelUnion(long unitId) {
        return !em.createNativeQuery("select 1 from unit where id = :id and kind = 'UPPER_LEVEL_UNION'")
                .setParameter("id", unitId).getResultList().isEmpty();
    }

    /**
     * Inserts new members and their first periods (period i belongs to member i) with JDBC batches, and their
     * audit trail entries (the entity interceptor does not see these inserts).
     */
    void insert(List<Member> members, List<MembershipPeriod> periods) {
        if (members.isEmpty()) {
            return;
        }
        em.flush();
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        BeforeExecutionGenerator memberIds = generator(session, Member.class);
        BeforeExecutionGenerator periodIds = generator(session, MembershipPeriod.class);
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            m.id = (Long) memberIds.generate(session, m, null, EventType.INSERT);
            m.cardNumber = Member.cardNumberOf(m.id);
            MembershipPeriod p = periods.get(i);
            p.id = (Long) periodIds.generate(session, p, null, EventType.INSERT);
            p.memberId = m.id;
        }
        session.doWork(c -> {
            Timestamp now = new Timestamp(System.currentTimeMillis());
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into member (id, card_number, full_name, search_text, date_of_birth, gender, nationality,
                        national_id, passport_number, identity_key, active_identity_key, phone, email,
                        grassroots_union_id, joined_on, status, left_on, leave_reason, version, created_at, updated_at,
                        external_owner_id, external_id, national_id_hash)
                    values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,?,?,?,?,?)""")) {
                int n = 0;
                for (Member m : members) {
                    ps.setLong(1, m.id);
                    ps.setString(2, m.cardNumber);
                    ps.setString(3, m.fullName);
                    ps.setString(4, m.searchText);
                    ps.setDate(5, m.dateOfBirth == null ? null : Date.valueOf(m.dateOfBirth));
                    ps.setString(6, m.gender == null ? null : m.gender.name());
                    ps.setString(7, m.nationality);
                    ps.setString(8, PersonalData.encrypt(m.nationalId));
                    ps.setString(9, PersonalData.encrypt(m.passportNumber));
                    ps.setString(10, m.identityKey);
                    ps.setString(11, m.activeIdentityKey);
                    ps.setString(12, PersonalData.encrypt(m.phone));
                    ps.setString(13, m.email);
                    ps.setLong(14, m.grassrootsUnionId);
                    ps.setDate(15, Date.valueOf(m.joinedOn));
                    ps.setString(16, m.status.name());
                    ps.setDate(17, m.leftOn == null ? null : Date.valueOf(m.leftOn));
                    ps.setString(18, m.leaveReason);
                    ps.setTimestamp(19, now);
                    ps.setTimestamp(20, now);
                    if (m.externalOwnerId == null) {
                        ps.setNull(21, Types.BIGINT);
                    } else {
                        ps.setLong(21, m.externalOwnerId);
                    }
                    ps.setString(22, m.externalId);
                    // The columns Member's converter and derive() fill when Hibernate writes: this insert bypasses them.
                    ps.setString(23, m.nationalId == null || m.nationalId.isBlank() ? null : PersonalData.hash(m.nationalId));
                    ps.addBatch();
                    if (++n % 500 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into membership_period (id, member_id, "
                    + "grassroots_union_id, start_on, end_on, end_reason) values (?,?,?,?,?,?)")) {
                int n = 0;
                for (int i = 0; i < periods.size(); i++) {
                    MembershipPeriod p = periods.get(i);
                    ps.setLong(1, p.id);
                    ps.setLong(2, p.memberId);
                    ps.setLong(3, p.grassrootsUnionId);
                    ps.setDate(4, Date.valueOf(p.startOn));
                    ps.setDate(5, p.endOn == null ? null : Date.valueOf(p.endOn));
                    ps.setString(6, p.endReason == null ? null : p.endReason.name());
                    ps.addBatch();
                    if (++n % 500 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        });
        audit.recordAll(auditEntries(members, periods));
    }

    /** The creations as the audit trail would record them had they gone through Hibernate. */
    private static List<AuditTrail.Entry> auditEntries(List<Member> members, List<MembershipPeriod> periods) {
        List<AuditTrail.Entry> entries = new java.util.ArrayList<>(members.size() * 2);
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
            fields.put("cardNumber", m.cardNumber);
            fields.put("fullName", m.fullName);
            fields.put("dateOfBirth", m.dateOfBirth);
            fields.put("gender", m.gender);
            fields.put("nationality", m.nationality);
            fields.put("nationalId", m.nationalId);
            fields.put("nationalIdHash", m.nationalId == null || m.nationalId.isBlank() ? null : "set");
            fields.put("passportNumber", m.passportNumber);
            fields.put("identityKey", m.identityKey);
            fields.put("phone", m.phone);
            fields.put("email", m.email);
            fields.put("grassrootsUnionId", m.grassrootsUnionId);
            fields.put("joinedOn", m.joinedOn);
            fields.put("status", m.status);
            fields.put("leftOn", m.leftOn);
            fields.put("leaveReason", m.leaveReason);
            fields.put("externalOwnerId", m.externalOwnerId);
            fields.put("externalId", m.externalId);
            entries.add(AuditTrail.created("Member", m.id, null, m.grassrootsUnionId, fields));
            MembershipPeriod p = periods.get(i);
            java.util.Map<String, Object> period = new java.util.LinkedHashMap<>();
            period.put("memberId", p.memberId);
            period.put("grassrootsUnionId", p.grassrootsUnionId);
            period.put("startOn", p.startOn);
            period.put("endOn", p.endOn);
            period.put("endReason", p.endReason);
            entries.add(AuditTrail.created("MembershipPeriod", p.id, null, p.grassrootsUnionId, period));
        }
        return entries;
    }

    /** Ids come from the entity's own generator, so they never collide with Hibernate's. */
    private static BeforeExecutionGenerator generator(SessionImplementor session, Class<?> entity) {
        return (BeforeExecutionGenerator) session.getFactory().getMappingMetamodel().getEntityDescriptor(entity)
                .getGenerator();
    }
}
