package vn.doanvien.figures;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Queries on grassroots unions' monthly member counts. */
@ApplicationScoped
public class MemberCountRepository implements PanacheRepositoryBase<MemberCount, MemberCount.Key> {

    List<MemberCount> ofUnion(long grassrootsUnionId) {
        return list("key.grassrootsUnionId = ?1 order by key.monthStart", grassrootsUnionId);
    }
}
