package vn.doanvien.sync;

import vn.doanvien.security.Unscoped;
import vn.doanvien.security.Scoped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.hibernate.engine.spi.SessionImplementor;
import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.member.Member;
import vn.doanvien.member.MembershipPeriod;

/**
 * The queries of member sync: a few round trips per request, none per member ({@link MemberInsertRepository} writes
 * the new members).
 */
@ApplicationScoped
@Scoped
class SyncRepository {

    private final EntityManager em;

    SyncRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Every member (any status) holding one of the identity keys, or one of the sender's external ids. The ids
     * are found by joins on the arrays of keys, each key looked up in its index: an {@code in (...)} list of a
     * thousand parameters is not hashed by PostgreSQL and, when the table's statistics lag behind a fast-growing
     * table, is answered by reading the whole table, comparing each row with every parameter; H2 does not use
     * the list on the second column of (owner, external id) at all.
     */
    @Unscoped("bulk matching by national keys; SyncPlanner.decide refuses every matched member outside the reach, item by item")
    List<Member> membersMatching(Collection<String> identityKeys, Long ownerId, Collection<String> externalIds) {
        Set<Long> ids = new LinkedHashSet<>();
        if (!identityKeys.isEmpty()) {
            ids.addAll(idsJoined("select m.id from unnest(?) as t(e) join member m on m.identity_key = t.e",
                    "varchar", identityKeys.toArray(new String[0]), null));
        }
        if (!externalIds.isEmpty() && ownerId != null) {
            ids.addAll(idsJoined("select m.id from unnest(?) as t(e) join member m "
                    + "on m.external_owner_id = ? and m.external_id = t.e", "varchar",
                    externalIds.toArray(new String[0]), ownerId));
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from Member m where m.id in :ids", Member.class).setParameter("ids", ids)
                .getResultList();
    }

    /** The ids a query over {@code unnest(?)} of the array (and an optional second parameter) answers. */
    private List<Long> idsJoined(String sql, String arrayType, Object[] values, Long second) {
        em.flush(); // plain JDBC below: Hibernate's automatic flush before queries does not apply
        return em.unwrap(SessionImplementor.class).doReturningWork(c -> {
            List<Long> ids = new java.util.ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setArray(1, c.createArrayOf(arrayType, values));
                if (second != null) {
                    ps.setLong(2, second);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return ids;
        });
    }

    @Unscoped("the unions a batch names; SyncPlanner.decide refuses those outside the reach, item by item")
    List<GrassrootsUnion> grassrootsUnions(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from GrassrootsUnion g where g.id in :ids", GrassrootsUnion.class)
                .setParameter("ids", ids).getResultList();
    }

    /** Grassroots unions by code (as printed on their papers, any case): upper-cased code to id. */
    @Unscoped("the codes a file names; SyncPlanner.decide refuses unions outside the reach, row by row")
    Map<String, Long> grassrootsUnionIdsByCode(Collection<String> codes) {
        Map<String, Long> ids = new HashMap<>();
        if (codes.isEmpty()) {
            return ids;
        }
        List<String> upper = codes.stream().map(c -> c.toUpperCase(Locale.ROOT)).distinct().toList();
        for (Object[] row : em.createQuery(
                        "select upper(g.code), g.id from GrassrootsUnion g where upper(g.code) in :codes", Object[].class)
                .setParameter("codes", upper).getResultList()) {
            ids.put((String) row[0], (Long) row[1]);
        }
        return ids;
    }

    /** Every stay of one member. */
    @Unscoped("the periods of a member the batch already matched in reach")
    List<MembershipPeriod> periodsOf(long memberId) {
        return em.createQuery("from MembershipPeriod where memberId = :m", MembershipPeriod.class)
                .setParameter("m", memberId).getResultList();
    }

    /** The open membership periods of these members. */
    @Unscoped("the periods of members the batch already matched in reach")
    List<MembershipPeriod> openPeriods(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        List<Long> ids = idsJoined("select p.id from unnest(?) as t(m) join membership_period p "
                + "on p.member_id = t.m and p.end_on is null", "int8", memberIds.toArray(new Long[0]), null);
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from MembershipPeriod p where p.id in :ids", MembershipPeriod.class)
                .setParameter("ids", ids).getResultList();
    }

    /** The grassroots unions chaired by any of these members. */
    @Unscoped("the chairs held by members the batch already matched in reach")
    List<GrassrootsUnion> chairedBy(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from GrassrootsUnion g where g.chairMemberId in :ids", GrassrootsUnion.class)
                .setParameter("ids", memberIds).getResultList();
    }

    @Unscoped("a kind check of a unit whose writability the caller checks")
    boolean isUpperLevelUnion(long unitId) {
        return !em.createNativeQuery("select 1 from unit where id = :id and kind = 'UPPER_LEVEL_UNION'")
                .setParameter("id", unitId).getResultList().isEmpty();
    }
}
