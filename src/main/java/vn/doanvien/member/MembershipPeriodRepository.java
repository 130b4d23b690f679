package vn.doanvien.member;

import vn.doanvien.security.Unscoped;
import vn.doanvien.security.Scoped;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Queries on membership periods (a member's history). Periods are read through their member, which the caller
 * has read in reach first ({@link MemberRepository#get}).
 */
@ApplicationScoped
@Scoped
public class MembershipPeriodRepository implements PanacheRepository<MembershipPeriod> {

    /** The member's current (open) period, if the member is still a member somewhere. */
    @Unscoped("the periods of a member already read in reach")
    public Optional<MembershipPeriod> findOpen(Member member) {
        return find("memberId = ?1 and endOn is null", member.id).firstResultOptional();
    }

    /** The member's most recent period, open or closed. */
    @Unscoped("the periods of a member already read in reach")
    public Optional<MembershipPeriod> findLatest(Member member) {
        return find("memberId = ?1 order by startOn desc, id desc", member.id).firstResultOptional();
    }

    /** All of the member's periods. */
    @Unscoped("the periods of a member already read in reach")
    public List<MembershipPeriod> listByMember(Member member) {
        return list("memberId", member.id);
    }

    /** The member's periods oldest first, each row {@code [MembershipPeriod, union code, union name]}. */
    @Unscoped("the periods of a member already read in reach")
    public List<Object[]> historyWithUnions(Member member) {
        long memberId = member.id;
        return getEntityManager().createQuery("""
                        select p, g.code, g.name from MembershipPeriod p
                        join GrassrootsUnion g on g.id = p.grassrootsUnionId
                        where p.memberId = :member
                        order by p.startOn, p.id""", Object[].class)
                .setParameter("member", memberId)
                .getResultList();
    }

    @Unscoped("the periods of a member already read for a write in reach")
    public long deleteByMember(Member member) {
        return delete("memberId", member.id);
    }
}
