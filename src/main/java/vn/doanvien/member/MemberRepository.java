package vn.doanvien.member;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Queries on members. */
@ApplicationScoped
public class MemberRepository implements PanacheRepository<Member> {
}
