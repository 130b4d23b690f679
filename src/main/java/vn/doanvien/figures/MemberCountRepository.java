package vn.doanvien.figures;

import java.util.Optional;
import java.time.YearMonth;
import vn.doanvien.security.Unscoped;
import vn.doanvien.security.Scoped;
import vn.doanvien.grassroots.GrassrootsUnion;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Queries on grassroots unions' monthly member counts, placed with their union. */
@ApplicationScoped
@Scoped
public class MemberCountRepository implements PanacheRepositoryBase<MemberCount, MemberCount.Key> {

    @Unscoped("the counts of a union already read in reach")
    List<MemberCount> ofUnion(GrassrootsUnion union) {
        return list("key.grassrootsUnionId = ?1 order by key.monthStart", union.id);
    }

    @Unscoped("the count of a union already read in reach")
    Optional<MemberCount> of(GrassrootsUnion union, YearMonth month) {
        return findByIdOptional(new MemberCount.Key(union.id, month.atDay(1)));
    }
}
