package vn.doanvien.member;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Queries on membership periods (a member's history). */
@ApplicationScoped
public class MembershipPeriodRepository implements PanacheRepository<MembershipPeriod> {
}
