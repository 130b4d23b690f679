package vn.doanvien.member;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Queries on yearly member classifications. */
@ApplicationScoped
public class MemberClassificationRepository
        implements PanacheRepositoryBase<MemberClassification, MemberClassification.Key> {

    /** The member's classifications, oldest year first. */
    public List<MemberClassification> listByMember(long memberId) {
        return list("key.memberId = ?1 order by key.year", memberId);
    }

    public long deleteByMember(long memberId) {
        return delete("key.memberId", memberId);
    }
}
