package vn.doanvien.member;

import jakarta.persistence.LockModeType;
import vn.doanvien.security.Unscoped;
import vn.doanvien.security.Scoped;
import vn.doanvien.security.Reach;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.InIdsFunction;
import vn.doanvien.common.PagedQuery;
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

/**
 * Queries on members. A member is placed at the upper-level unit of their current grassroots union: officers of
 * that subtree reach them, admins everyone, a member their own record, analysts no one.
 */
@ApplicationScoped
@Scoped
public class MemberRepository implements PanacheRepository<Member> {

    private static final Pattern CARD_NUMBER = Pattern.compile("^DV\\d{10}$");
    private static final Pattern NATIONAL_ID = Pattern.compile("^\\d{12}$");

    /** The member, or 404; 403 outside the caller's reach. */
    public Member get(long id, Reach reach) {
        return check(findById(id), id, reach, false);
    }

    /** A member and the name of their grassroots union, for an answer. */
    record WithUnionName(Member member, String unionName) {
    }

    /**
     * As {@link #get}, with the grassroots union's name, in one statement: the member, the unit their union is
     * placed at (for the reach) and its name (for the answer). The read of a member by id is the hottest read of
     * the mobile clients; it was three statements.
     */
    WithUnionName getWithUnionName(long id, Reach reach) {
        List<Object[]> rows = getEntityManager().createQuery("select m, g.upperLevelUnitId, g.name from Member m "
                        + "left join GrassrootsUnion g on g.id = m.grassrootsUnionId where m.id = :id", Object[].class)
                .setParameter("id", id)
                .getResultList();
        if (rows.isEmpty()) {
            throw ApiProblem.notFound("Member", id);
        }
        Object[] row = rows.get(0);
        reach.requireMember(id, (Long) row[1]);
        return new WithUnionName((Member) row[0], (String) row[2]);
    }

    /**
     * The member, its row locked until the transaction ends, or 404; 403 unless the caller may change them.
     * Edits, transfers and removals of one member run one after the other, so none of them reads periods another
     * is changing (a transfer racing a removal finds no member, 404, instead of a member without periods).
     */
    public Member getForWrite(long id, Reach reach) {
        return check(findById(id, LockModeType.PESSIMISTIC_WRITE), id, reach, true);
    }

    /** A member that a write names (an official who is a member), or empty; 403 unless the caller may write there. */
    public Optional<Member> findForWrite(long id, Reach reach) {
        Member m = findById(id);
        return m == null ? Optional.empty() : Optional.of(check(m, id, reach, true));
    }

    /** A member that a read names (a filter), or empty; 403 outside the reach. */
    public Optional<Member> findInReach(long id, Reach reach) {
        Member m = findById(id);
        return m == null ? Optional.empty() : Optional.of(check(m, id, reach, false));
    }

    private Member check(Member m, long id, Reach reach, boolean write) {
        if (m == null) {
            throw ApiProblem.notFound("Member", id);
        }
        Long unit = unitOf(m.grassrootsUnionId);
        reach.requireMember(id, unit);
        if (write) {
            reach.requireWrite(unit, "member " + id);
        }
        return m;
    }

    /** The upper-level unit a grassroots union is placed at today: where its members are placed. */
    private Long unitOf(Long grassrootsUnionId) {
        return getEntityManager().createQuery("select g.upperLevelUnitId from GrassrootsUnion g where g.id = :id",
                        Long.class)
                .setParameter("id", grassrootsUnionId)
                .getResultStream().findFirst().orElse(null);
    }

    /** Whether the caller reaches this member (for the one-membership rule's answer, which names them only then). */
    boolean reaches(Member m, Reach reach) {
        return reach.ownMemberId() != null ? reach.ownMemberId().equals(m.id) : reach.seesPersonal(unitOf(m.grassrootsUnionId));
    }

    /** The ACTIVE member holding this identity key, other than {@code excludeId} (null on create). */
    @Unscoped("one active membership per person is a national rule; the answer names the member only in reach")
    public Optional<Member> findActiveByIdentityKey(String identityKey, Long excludeId) {
        if (excludeId == null) {
            return find("activeIdentityKey", identityKey).firstResultOptional();
        }
        return find("activeIdentityKey = ?1 and id <> ?2", identityKey, excludeId).firstResultOptional();
    }

    /**
     * Members in the reach matching the filters present in {@code filter}; absent filters are left out of the
     * query. {@code unitIds}, when not null, is the subtree the unitId filter stands for.
     * The caller pages the query and counts with the count it comes with.
     */
    PagedQuery<Member> search(MemberFilter filter, List<Long> unitIds, Reach reach, Sort sort) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (reach.ownMemberId() != null) {
            where.add("id = :self");
            params.put("self", reach.ownMemberId());
        } else {
            String inReach = Reach.condition(reach.personalUnits(), "g.upperLevelUnitId", "reach", params);
            where.add("grassrootsUnionId in (select g.id from GrassrootsUnion g where " + inReach + ")");
        }
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
            where.add("grassrootsUnionId in (select g.id from GrassrootsUnion g"
                    + " where in_ids(:units, g.upperLevelUnitId))");
            params.put("units", InIdsFunction.ids(unitIds));
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
        return PagedQuery.of(this, query, sort, params);
    }

    /** Names of the given grassroots unions, by id (one query for a whole page of members). */
    @Unscoped("the unions of members already read in reach")
    public Map<Long, String> grassrootsUnionNames(Collection<Long> unionIds) {
        Map<Long, String> names = new HashMap<>();
        if (unionIds.isEmpty()) {
            return names;
        }
        List<Object[]> rows = getEntityManager()
                .createQuery("select g.id, g.name from GrassrootsUnion g where in_ids(:ids, g.id)", Object[].class)
                .setParameter("ids", InIdsFunction.ids(unionIds))
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
    @Unscoped("a member just created in reach")
    void assignCardNumber(Member member, String cardNumber) {
        getEntityManager().createQuery("update Member m set m.cardNumber = :card where m.id = :id")
                .setParameter("card", cardNumber)
                .setParameter("id", member.id)
                .executeUpdate();
        getEntityManager().refresh(member);
    }

    /** Removes the member as chair of any grassroots union (before deleting the member); returns how many changed. */
    @Unscoped("a member already read for a write in reach")
    public int clearChair(long memberId) {
        return clearChair(memberId, null);
    }

    /** Removes the member as chair of the given grassroots union, if they chair it (they are leaving it). */
    @Unscoped("a member already read for a write in reach")
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
