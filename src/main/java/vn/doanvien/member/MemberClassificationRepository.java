package vn.doanvien.member;

import java.util.Optional;
import vn.doanvien.security.Unscoped;
import vn.doanvien.security.Scoped;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Queries on yearly member classifications, read and written through their member, which the caller has read in
 * reach first ({@link MemberRepository#get}).
 */
@ApplicationScoped
@Scoped
public class MemberClassificationRepository
        implements PanacheRepositoryBase<MemberClassification, MemberClassification.Key> {

    /** The member's classifications, oldest year first. */
    @Unscoped("the classifications of a member already read in reach")
    public List<MemberClassification> listByMember(Member member) {
        return list("key.memberId = ?1 order by key.year", member.id);
    }

    /** The member's classification of a year, if any. */
    @Unscoped("the classifications of a member already read for a write in reach")
    public Optional<MemberClassification> findOfYear(Member member, int year) {
        return findByIdOptional(new MemberClassification.Key(member.id, year));
    }

    @Unscoped("the classifications of a member already read for a write in reach")
    public long deleteByMember(Member member) {
        return delete("key.memberId", member.id);
    }
}
