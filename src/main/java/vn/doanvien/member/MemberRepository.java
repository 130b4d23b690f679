package vn.doanvien.member;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.doanvien.common.TextNormalizer;
import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.security.PersonalData;

/** Queries on members. */
@ApplicationScoped
public class MemberRepository implements PanacheRepository<Member> {

    private static final Pattern CARD_NUMBER = Pattern.compile("^DV\\d{10}$");
    private static final Pattern NATIONAL_ID = Pattern.compile("^\\d{12}$");

    /** The ACTIVE member holding this identity key, other than {@code excludeId} (null on create). */
    public Optional<Member> findActiveByIdentityKey(String identityKey, Long excludeId) {
        if (excludeId == null) {
            return find("activeIdentityKey", identityKey).firstResultOptional();
        }
        return find("activeIdentityKey = ?1 and id <> ?2", identityKey, excludeId).firstResultOptional();
    }

    /**
     * Members matching the filters present in {@code filter}; absent filters are left out of the query.
     * {@code unitIds}, when not null, is the subtree the unitId filter stands for.
     * The caller pages and counts the result.
     */
    PanacheQuery<Member> search(MemberFilter filter, List<Long> unitIds, Sort sort) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.grassrootsUnionId() != null) {
            where.add("grassrootsUnionId = :union");
            params.put("union", filter.grassrootsUnionId());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            params.put("status", filter.status());
        }
        if (filter.gender() != null) {
            where.add("gender = :gender");
            params.put("gender", filter.gender());
        }
        if (unitIds != null) {
            // The member's current union, placed today under one of the units (its current upper-level unit).
            where.add("grassrootsUnionId in (select g.id from GrassrootsUnion g where g.upperLevelUnitId in :units)");
            params.put("units", unitIds);
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            String q = filter.q().trim();
            StringBuilder clause = new StringBuilder("(searchText like :q escape '\\'");
            params.put("q", TextNormalizer.containsPattern(q));
            String upper = q.toUpperCase();
            if (CARD_NUMBER.matcher(upper).matches()) {
                clause.append(" or cardNumber = :card");
                params.put("card", upper);
            } else if (NATIONAL_ID.matcher(q).matches()) {
                clause.append(" or nationalIdHash = :nid");
                params.put("nid", PersonalData.hash(q));
            }
            where.add(clause.append(')').toString());
        }
        String query = where.isEmpty() ? "from Member" : "from Member where " + String.join(" and ", where);
        return find(query, sort, params);
    }

    /** Names of the given grassroots unions, by id (one query for a whole page of members). */
    public Map<Long, String> grassrootsUnionNames(Collection<Long> unionIds) {
        Map<Long, String> names = new HashMap<>();
        if (unionIds.isEmpty()) {
            return names;
        }
        List<Object[]> rows = getEntityManager()
                .createQuery("select g.id, g.name from GrassrootsUnion g where g.id in :ids", Object[].class)
                .setParameter("ids", unionIds)
                .getResultList();
        for (Object[] row : rows) {
            names.put((Long) row[0], (String) row[1]);
        }
        return names;
    }

    /**
     * Writes the card number of a member just inserted, without counting it as an edit (the version stays),
     * and reloads the member so the session holds what is stored.
     */
    void assignCardNumber(Member member, String cardNumber) {
        getEntityManager().createQuery("update Member m set m.cardNumber = :card where m.id = :id")
                .setParameter("card", cardNumber)
                .setParameter("id", member.id)
                .executeUpdate();
        getEntityManager().refresh(member);
    }

    /** Removes the member as chair of any grassroots union (before deleting the member); returns how many changed. */
    public int clearChair(long memberId) {
        return clearChair(memberId, null);
    }

    /** Removes the member as chair of the given grassroots union, if they chair it (they are leaving it). */
    public int clearChairOf(long memberId, long grassrootsUnionId) {
        return clearChair(memberId, grassrootsUnionId);
    }

    private int clearChair(long memberId, Long grassrootsUnionId) {
        // Through the entities rather than a bulk update: the version (ETag) and updatedAt move as for any
        // edit, and the change reaches the change feed.
        var query = getEntityManager().createQuery("from GrassrootsUnion g where g.chairMemberId = :member"
                        + (grassrootsUnionId == null ? "" : " and g.id = :union"), GrassrootsUnion.class)
                .setParameter("member", memberId);
        if (grassrootsUnionId != null) {
            query.setParameter("union", grassrootsUnionId);
        }
        List<GrassrootsUnion> chaired = query.getResultList();
        chaired.forEach(g -> g.chairMemberId = null);
        getEntityManager().flush();
        return chaired.size();
    }
}
