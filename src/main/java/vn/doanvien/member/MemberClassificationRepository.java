package vn.doanvien.member;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Queries on yearly member classifications. */
@ApplicationScoped
public class MemberClassificationRepository
        implements PanacheRepositoryBase<MemberClassification, MemberClassification.Key> {
}
